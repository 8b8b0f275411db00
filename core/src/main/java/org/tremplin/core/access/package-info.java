/** The permission matrix: roles × operations × scope (DOMAIN.md, People and roles). */
@NullMarked
package org.tremplin.core.access;

import org.jspecify.annotations.NullMarked;

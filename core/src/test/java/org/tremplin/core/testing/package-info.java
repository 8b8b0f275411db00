/** Test support: the two databases, fixtures named after the domain. */
@NullMarked
package org.tremplin.core.testing;

import org.jspecify.annotations.NullMarked;

/** Schools and their storage. */
@NullMarked
package org.tremplin.core.school;

import org.jspecify.annotations.NullMarked;

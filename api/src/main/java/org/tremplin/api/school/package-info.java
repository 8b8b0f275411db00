/** Schools (Écoles du Web) and their département. */
@NullMarked
package org.tremplin.api.school;

import org.jspecify.annotations.NullMarked;

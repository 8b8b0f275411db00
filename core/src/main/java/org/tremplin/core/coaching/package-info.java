/** Coaching: referent coaches and their caseloads (DOMAIN.md, Coaching). */
@NullMarked
package org.tremplin.core.coaching;

import org.jspecify.annotations.NullMarked;

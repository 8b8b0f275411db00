/**
 * The coach's caseload as a place to work from (DOMAIN.md, Coaching; UI.md, the coach's first
 * screen): which learners a coach is the referent of, and in which cohort each one's file is kept
 * ({@link org.tremplin.core.caseload.CaseloadDesk}). What is shown of each file is read through the
 * coaching, alert and insertion services, which check the same access again.
 */
@NullMarked
package org.tremplin.core.caseload;

import org.jspecify.annotations.NullMarked;

/**
 * Coaching (DOMAIN.md, Coaching): referent coaches and their caseloads, and the coaching journal of
 * each learner — meetings with confidential notes, barriers, action plans with referrals, company
 * immersions.
 */
@NullMarked
package org.tremplin.core.coaching;

import org.jspecify.annotations.NullMarked;

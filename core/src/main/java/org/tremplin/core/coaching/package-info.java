/**
 * Coaching (DOMAIN.md, Coaching): referent coaches and their caseloads ({@link
 * org.tremplin.core.coaching.ReferentRegistry}), and the coaching journal of each learner, one
 * service and one store per part — meetings with confidential notes ({@link
 * org.tremplin.core.coaching.MeetingJournal}), barriers ({@link
 * org.tremplin.core.coaching.BarrierLedger}), action plans with referrals ({@link
 * org.tremplin.core.coaching.ActionPlanLedger}), company immersions ({@link
 * org.tremplin.core.coaching.ImmersionLedger}); {@link org.tremplin.core.coaching.CoachingJournal}
 * is the {@code CoachingService} over them.
 */
@NullMarked
package org.tremplin.core.coaching;

import org.jspecify.annotations.NullMarked;

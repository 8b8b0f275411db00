package org.tremplin.core.coaching;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.coaching.Action;
import org.tremplin.api.coaching.ActionId;
import org.tremplin.api.coaching.ActionPlan;
import org.tremplin.api.coaching.ActionStatus;
import org.tremplin.api.coaching.Barrier;
import org.tremplin.api.coaching.BarrierId;
import org.tremplin.api.coaching.BarrierStatus;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.CoachingService;
import org.tremplin.api.coaching.MeetingId;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.coaching.NewAction;
import org.tremplin.api.coaching.NewBarrier;
import org.tremplin.api.coaching.NewImmersion;
import org.tremplin.api.coaching.NewObjective;
import org.tremplin.api.coaching.NewReferral;
import org.tremplin.api.coaching.Objective;
import org.tremplin.api.coaching.ObjectiveId;
import org.tremplin.api.coaching.Referral;
import org.tremplin.api.coaching.WorkplaceImmersion;

/**
 * {@link CoachingService} as one face over its four parts: meetings with confidential notes ({@link
 * MeetingJournal}), barriers ({@link BarrierLedger}), action plans with referrals ({@link
 * ActionPlanLedger}) and company immersions ({@link ImmersionLedger}). Each part checks the actor,
 * audits and writes through the same {@link org.tremplin.core.path.PathAccess}; this class only
 * delegates. Thread-safe.
 */
public final class CoachingJournal implements CoachingService {
  private final MeetingJournal meetings;
  private final BarrierLedger barriers;
  private final ActionPlanLedger plans;
  private final ImmersionLedger immersions;

  /**
   * The coaching journal made of its parts.
   *
   * @param meetings the meetings
   * @param barriers the barriers
   * @param plans the plans
   * @param immersions the immersions
   */
  public CoachingJournal(
      MeetingJournal meetings,
      BarrierLedger barriers,
      ActionPlanLedger plans,
      ImmersionLedger immersions) {
    this.meetings = meetings;
    this.barriers = barriers;
    this.plans = plans;
    this.immersions = immersions;
  }

  @Override
  public CoachingMeeting planMeeting(
      Actor actor, CohortId cohort, LearnerId learner, LocalDateTime plannedAt, String note) {
    return meetings.planMeeting(actor, cohort, learner, plannedAt, note);
  }

  @Override
  public CoachingMeeting recordOutcome(
      Actor actor, CohortId cohort, LearnerId learner, MeetingId meeting, MeetingOutcome outcome) {
    return meetings.recordOutcome(actor, cohort, learner, meeting, outcome);
  }

  @Override
  public List<CoachingMeeting> meetings(Actor actor, CohortId cohort, LearnerId learner) {
    return meetings.meetings(actor, cohort, learner);
  }

  @Override
  public Barrier openBarrier(Actor actor, CohortId cohort, LearnerId learner, NewBarrier barrier) {
    return barriers.openBarrier(actor, cohort, learner, barrier);
  }

  @Override
  public Barrier changeBarrierStatus(
      Actor actor,
      CohortId cohort,
      LearnerId learner,
      BarrierId barrier,
      BarrierStatus status,
      LocalDate on,
      String note) {
    return barriers.changeBarrierStatus(actor, cohort, learner, barrier, status, on, note);
  }

  @Override
  public List<Barrier> barriers(Actor actor, CohortId cohort, LearnerId learner) {
    return barriers.barriers(actor, cohort, learner);
  }

  @Override
  public Objective addObjective(
      Actor actor, CohortId cohort, LearnerId learner, NewObjective objective) {
    return plans.addObjective(actor, cohort, learner, objective);
  }

  @Override
  public Action addAction(
      Actor actor, CohortId cohort, LearnerId learner, ObjectiveId objective, NewAction action) {
    return plans.addAction(actor, cohort, learner, objective, action);
  }

  @Override
  public Action closeAction(
      Actor actor, CohortId cohort, LearnerId learner, ActionId action, ActionStatus status) {
    return plans.closeAction(actor, cohort, learner, action, status);
  }

  @Override
  public Referral refer(Actor actor, CohortId cohort, LearnerId learner, NewReferral referral) {
    return plans.refer(actor, cohort, learner, referral);
  }

  @Override
  public ActionPlan actionPlan(Actor actor, CohortId cohort, LearnerId learner) {
    return plans.actionPlan(actor, cohort, learner);
  }

  @Override
  public WorkplaceImmersion planImmersion(
      Actor actor, CohortId cohort, LearnerId learner, NewImmersion immersion) {
    return immersions.planImmersion(actor, cohort, learner, immersion);
  }

  @Override
  public List<WorkplaceImmersion> immersions(Actor actor, CohortId cohort, LearnerId learner) {
    return immersions.immersions(actor, cohort, learner);
  }
}

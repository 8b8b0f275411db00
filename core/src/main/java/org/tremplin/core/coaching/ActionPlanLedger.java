package org.tremplin.core.coaching;

import java.time.Clock;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.coaching.Action;
import org.tremplin.api.coaching.ActionId;
import org.tremplin.api.coaching.ActionPlan;
import org.tremplin.api.coaching.ActionStatus;
import org.tremplin.api.coaching.NewAction;
import org.tremplin.api.coaching.NewObjective;
import org.tremplin.api.coaching.NewReferral;
import org.tremplin.api.coaching.Objective;
import org.tremplin.api.coaching.ObjectiveFocus;
import org.tremplin.api.coaching.ObjectiveId;
import org.tremplin.api.coaching.Referral;
import org.tremplin.api.coaching.ReferralId;
import org.tremplin.core.path.PathAccess;

/**
 * Action plans (DOMAIN.md, Coaching): objectives (on the project or on a barrier), their actions,
 * closed once as done or cancelled, and referrals to partners. Every call goes through {@link
 * PathAccess}. Thread-safe.
 */
public final class ActionPlanLedger {
  private final PathAccess path;
  private final ActionPlans plans;
  private final BarrierLedger barriers;
  private final Clock clock;

  /**
   * A ledger on its store; objectives on a barrier are checked against {@code barriers}.
   *
   * @param path the path
   * @param plans the plans
   * @param barriers the barriers
   * @param clock the clock read for "now"
   */
  public ActionPlanLedger(PathAccess path, ActionPlans plans, BarrierLedger barriers, Clock clock) {
    this.path = path;
    this.plans = plans;
    this.barriers = barriers;
    this.clock = clock;
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#addObjective}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param request the request
   * @return the objective
   */
  public Objective addObjective(
      Actor actor, CohortId cohort, LearnerId learner, NewObjective request) {
    TremplinException.required(request, "objective");
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    PathAccess.notInFuture(clock, request.setOn(), ErrorCode.INVALID_ARGUMENT, "objective day");
    Objective objective =
        new Objective(
            ObjectiveId.random(), request.title(), request.focus(), request.setOn(), List.of());
    return granted.write(
        () -> {
          if (request.focus() instanceof ObjectiveFocus.OnBarrier b) {
            barriers.existing(cohort, learner, b.barrier());
          }
          plans.insertObjective(cohort, learner, objective, actor.id(), clock.instant());
          return objective;
        });
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#addAction}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param objective the objective
   * @param request the request
   * @return the action
   */
  public Action addAction(
      Actor actor, CohortId cohort, LearnerId learner, ObjectiveId objective, NewAction request) {
    TremplinException.required(objective, "objective");
    TremplinException.required(request, "action");
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    Action action =
        new Action(
            ActionId.random(),
            objective,
            request.description(),
            request.owner(),
            request.dueOn(),
            ActionStatus.TODO);
    return granted.write(
        () -> {
          if (!plans.hasObjective(cohort, learner, objective)) {
            throw new TremplinException(
                ErrorCode.OBJECTIVE_NOT_FOUND,
                "no objective " + objective + " of learner " + learner + " in cohort " + cohort);
          }
          plans.insertAction(action, actor.id(), clock.instant());
          return action;
        });
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#closeAction}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param action the action
   * @param status the status
   * @return the action
   */
  public Action closeAction(
      Actor actor, CohortId cohort, LearnerId learner, ActionId action, ActionStatus status) {
    TremplinException.required(action, "action");
    TremplinException.required(status, "status");
    TremplinException.check(
        status != ActionStatus.TODO, "an action is closed as DONE or CANCELLED, not TODO");
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    return granted.write(
        () -> {
          Action current =
              plans
                  .findAction(cohort, learner, action)
                  .orElseThrow(
                      () ->
                          new TremplinException(
                              ErrorCode.ACTION_NOT_FOUND,
                              "no action "
                                  + action
                                  + " of learner "
                                  + learner
                                  + " in cohort "
                                  + cohort));
          if (current.status() != ActionStatus.TODO
              || !plans.closeAction(action, status, actor.id(), clock.instant())) {
            throw new TremplinException(
                ErrorCode.ACTION_ALREADY_CLOSED,
                "action " + action + " is already " + current.status());
          }
          return new Action(
              current.id(),
              current.objective(),
              current.description(),
              current.owner(),
              current.dueOn(),
              status);
        });
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#refer}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param request the request
   * @return the referral
   */
  public Referral refer(Actor actor, CohortId cohort, LearnerId learner, NewReferral request) {
    TremplinException.required(request, "referral");
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    Referral referral =
        new Referral(
            ReferralId.random(), request.partner(), request.on(), request.purpose(), actor.id());
    return granted.write(
        () -> {
          plans.insertReferral(cohort, learner, referral, clock.instant());
          return referral;
        });
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#actionPlan}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the action plan
   */
  public ActionPlan actionPlan(Actor actor, CohortId cohort, LearnerId learner) {
    return path.check(actor, Operation.INSERTION_READ, cohort, learner)
        .read(
            () ->
                new ActionPlan(
                    cohort,
                    learner,
                    plans.objectives(cohort, learner),
                    plans.referrals(cohort, learner)));
  }
}

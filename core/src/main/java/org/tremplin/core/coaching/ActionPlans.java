package org.tremplin.core.coaching;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.coaching.Action;
import org.tremplin.api.coaching.ActionId;
import org.tremplin.api.coaching.ActionStatus;
import org.tremplin.api.coaching.Objective;
import org.tremplin.api.coaching.ObjectiveId;
import org.tremplin.api.coaching.Referral;

/**
 * Stored action plans: objectives, their actions, and referrals. Thread-safe; calls inside a
 * transaction join it.
 */
public interface ActionPlans {
  /**
   * Stores an objective (without its actions).
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param objective the objective
   * @param by the by
   * @param at the instant
   */
  void insertObjective(
      CohortId cohort, LearnerId learner, Objective objective, String by, Instant at);

  /**
   * Whether the learner has this objective in the cohort.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param objective the objective
   * @return whether the learner has this objective in the cohort
   */
  boolean hasObjective(CohortId cohort, LearnerId learner, ObjectiveId objective);

  /**
   * Stores an action.
   *
   * @param action the action
   * @param by the by
   * @param at the instant
   */
  void insertAction(Action action, String by, Instant at);

  /**
   * An action of the learner's plan in the cohort.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param action the action
   * @return an action of the learner's plan in the cohort
   */
  Optional<Action> findAction(CohortId cohort, LearnerId learner, ActionId action);

  /**
   * Moves a TODO action to a final status; returns whether it was still TODO.
   *
   * @param action the action
   * @param status the status
   * @param by the by
   * @param at the instant
   * @return whether it was still TODO
   */
  boolean closeAction(ActionId action, ActionStatus status, String by, Instant at);

  /**
   * The learner's objectives with their actions (by due date), by the day they were set.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's objectives with their actions (by due date), by the day they were set
   */
  List<Objective> objectives(CohortId cohort, LearnerId learner);

  /**
   * Stores a referral.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param referral the referral
   * @param at the instant
   */
  void insertReferral(CohortId cohort, LearnerId learner, Referral referral, Instant at);

  /**
   * The learner's referrals, by date.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's referrals, by date
   */
  List<Referral> referrals(CohortId cohort, LearnerId learner);
}

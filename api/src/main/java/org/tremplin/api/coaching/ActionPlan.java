package org.tremplin.api.coaching;

import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * A learner's action plan: objectives with their actions, and referrals to partners. Immutable.
 *
 * @param cohort the cohort the learner is in
 * @param learner the learner
 * @param objectives by the day they were set
 * @param referrals by date
 */
public record ActionPlan(
    CohortId cohort, LearnerId learner, List<Objective> objectives, List<Referral> referrals) {
  /**
   * All required; lists possibly empty.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param objectives the objectives
   * @param referrals the referrals
   */
  public ActionPlan {
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    objectives = List.copyOf(TremplinException.required(objectives, "objectives"));
    referrals = List.copyOf(TremplinException.required(referrals, "referrals"));
  }
}

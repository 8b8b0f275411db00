package org.tremplin.api.report;

import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * A learner a figure counts, in the cohort where it counts them.
 *
 * @param cohort the cohort
 * @param learner the learner
 * @param displayName "Given Family" (blanked after an erasure)
 */
public record CountedLearner(CohortId cohort, LearnerId learner, String displayName) {
  /**
   * All required.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param displayName the display name
   */
  public CountedLearner {
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    TremplinException.required(displayName, "display name");
  }
}

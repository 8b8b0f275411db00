package org.tremplin.api.access;

import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;

/**
 * What an operation touches: the network's shared data (templates, schools), a whole school, a
 * whole cohort, or one learner of a cohort.
 */
public sealed interface Target {
  /** Network-wide data: programme templates, the list of schools. Only network scopes cover it. */
  record OfNetwork() implements Target {}

  /**
   * A whole school.
   *
   * @param school the school
   */
  record OfSchool(SchoolId school) implements Target {
    /**
     * Required.
     *
     * @param school the school
     */
    public OfSchool {
      TremplinException.required(school, "school");
    }
  }

  /**
   * A whole cohort.
   *
   * @param school its school
   * @param cohort the cohort
   */
  record OfCohort(SchoolId school, CohortId cohort) implements Target {
    /**
     * Required.
     *
     * @param school the school
     * @param cohort the cohort
     */
    public OfCohort {
      TremplinException.required(school, "school");
      TremplinException.required(cohort, "cohort");
    }
  }

  /**
   * One learner of a cohort.
   *
   * @param school the cohort's school
   * @param cohort the cohort
   * @param learner the learner
   * @param referentCoach the actor id of the learner's referent coach; empty when none
   */
  record OfLearner(SchoolId school, CohortId cohort, LearnerId learner, String referentCoach)
      implements Target {
    /**
     * All required; the coach may be empty.
     *
     * @param school the school
     * @param cohort the cohort
     * @param learner the learner
     * @param referentCoach the referent coach
     */
    public OfLearner {
      TremplinException.required(school, "school");
      TremplinException.required(cohort, "cohort");
      TremplinException.required(learner, "learner");
      TremplinException.required(referentCoach, "referentCoach");
    }
  }
}

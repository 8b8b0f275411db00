package org.tremplin.api.access;

import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;

/** How far a role reaches: the whole network, one school, one cohort, or one learner. */
public sealed interface Scope {
  /** The whole network. */
  record Network() implements Scope {}

  /**
   * One school.
   *
   * @param school the school
   */
  record OfSchool(SchoolId school) implements Scope {
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
   * One cohort (of a school).
   *
   * @param school the cohort's school
   * @param cohort the cohort
   */
  record OfCohort(SchoolId school, CohortId cohort) implements Scope {
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
   * One learner: themself.
   *
   * @param learner the learner
   */
  record OfLearner(LearnerId learner) implements Scope {
    /**
     * Required.
     *
     * @param learner the learner
     */
    public OfLearner {
      TremplinException.required(learner, "learner");
    }
  }
}

package org.tremplin.core.caseload;

import org.tremplin.api.TremplinException;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.Learner;

/**
 * A learner whose file someone may keep: the learner, the cohort of their latest enrolment (where
 * their coaching and insertion records are read and written), and their referent coach's id (empty
 * when none). Immutable.
 *
 * @param learner the learner
 * @param cohort the cohort of their latest enrolment
 * @param referentCoach the actor id of their referent coach; empty when none
 */
public record CaseMember(Learner learner, Cohort cohort, String referentCoach) {
  /**
   * All required; the coach may be empty.
   *
   * @param learner the learner
   * @param cohort the cohort
   * @param referentCoach the referent coach
   */
  public CaseMember {
    TremplinException.required(learner, "learner");
    TremplinException.required(cohort, "cohort");
    TremplinException.required(referentCoach, "referentCoach");
  }
}

package org.tremplin.api.dashboard;

import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.report.CountedLearner;

/**
 * One learner's attendance over a period.
 *
 * @param learner the learner, in the cohort
 * @param rates their attendance
 */
public record LearnerRates(CountedLearner learner, AttendanceRates rates) {
  /**
   * All required.
   *
   * @param learner the learner
   * @param rates the rates
   */
  public LearnerRates {
    TremplinException.required(learner, "learner");
    TremplinException.required(rates, "rates");
  }
}

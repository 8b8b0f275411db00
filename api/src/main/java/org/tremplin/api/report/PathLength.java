package org.tremplin.api.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.tremplin.api.TremplinException;

/**
 * The length of a leaver's path in a cohort: from the day they first joined to the day of their
 * exit.
 *
 * @param learner the leaver
 * @param joinedOn the first day in the cohort
 * @param leftOn the exit date
 */
public record PathLength(CountedLearner learner, LocalDate joinedOn, LocalDate leftOn) {
  /**
   * All required.
   *
   * @param learner the leaver
   * @param joinedOn the first day in the cohort
   * @param leftOn the exit date
   */
  public PathLength {
    TremplinException.required(learner, "learner");
    TremplinException.required(joinedOn, "joined on");
    TremplinException.required(leftOn, "left on");
  }

  /**
   * Days from {@code joinedOn} to {@code leftOn}.
   *
   * @return the days (0 when the same day)
   */
  public long days() {
    return ChronoUnit.DAYS.between(joinedOn, leftOn);
  }
}

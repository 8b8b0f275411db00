package org.tremplin.api.report;

import java.math.BigDecimal;
import org.tremplin.api.TremplinException;

/**
 * A learner's attended half-days in a month.
 *
 * @param learner the learner
 * @param attendedHalfDays half-days whose current mark counts as attended
 */
public record LearnerHours(CountedLearner learner, int attendedHalfDays) {
  /** Hours of an attended half-day (7 h a day, DOMAIN.md). */
  public static final BigDecimal HALF_DAY_HOURS = new BigDecimal("3.5");

  /**
   * Not negative.
   *
   * @param learner the learner
   * @param attendedHalfDays the attended half-days
   */
  public LearnerHours {
    TremplinException.required(learner, "learner");
    TremplinException.check(attendedHalfDays >= 0, "attended half-days must not be negative");
  }

  /**
   * The attended hours: 3.5 per attended half-day.
   *
   * @return the hours
   */
  public BigDecimal hours() {
    return HALF_DAY_HOURS.multiply(BigDecimal.valueOf(attendedHalfDays));
  }
}

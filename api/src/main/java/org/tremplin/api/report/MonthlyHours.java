package org.tremplin.api.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.TremplinException;

/**
 * Attended hours in one month, per learner on the attendance sheet that month (a learner with at
 * least one current mark in the month, attended or not).
 *
 * @param month the month
 * @param learners each learner's attended half-days in the month
 */
public record MonthlyHours(YearMonth month, List<LearnerHours> learners) {
  /**
   * Copies the list.
   *
   * @param month the month
   * @param learners each learner's attended half-days
   */
  public MonthlyHours {
    TremplinException.required(month, "month");
    learners = List.copyOf(TremplinException.required(learners, "learners"));
  }

  /**
   * Attended hours of every learner together.
   *
   * @return the total hours
   */
  public BigDecimal totalHours() {
    return learners.stream().map(LearnerHours::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Average attended hours per learner, two decimals, half up.
   *
   * @return the average; empty without learners
   */
  public Optional<BigDecimal> hoursPerLearner() {
    if (learners.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        totalHours().divide(BigDecimal.valueOf(learners.size()), 2, RoundingMode.HALF_UP));
  }
}

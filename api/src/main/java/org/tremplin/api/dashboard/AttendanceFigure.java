package org.tremplin.api.dashboard;

import java.util.List;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceRates;

/**
 * A cohort's attendance over a period (the attendance-rate rule of {@code AttendanceService}) and
 * each learner's share of it.
 *
 * @param total the cohort's rates: the sum of the learners'
 * @param learners every learner enrolled during the period, by name
 */
public record AttendanceFigure(AttendanceRates total, List<LearnerRates> learners) {
  /**
   * Copies the list.
   *
   * @param total the total
   * @param learners the learners
   */
  public AttendanceFigure {
    TremplinException.required(total, "total");
    learners = List.copyOf(TremplinException.required(learners, "learners"));
  }
}

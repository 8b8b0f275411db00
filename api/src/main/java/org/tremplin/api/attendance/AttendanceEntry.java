package org.tremplin.api.attendance;

import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.HalfDay;

/**
 * One line to write on the attendance sheet: a learner, a half-day, a mark.
 *
 * @param learner the learner
 * @param halfDay the half-day
 * @param mark the mark
 */
public record AttendanceEntry(LearnerId learner, HalfDay halfDay, AttendanceMark mark) {
  /**
   * All fields required.
   *
   * @param learner the learner
   * @param halfDay the half day
   * @param mark the mark
   */
  public AttendanceEntry {
    TremplinException.required(learner, "learner");
    TremplinException.required(halfDay, "half-day");
    TremplinException.required(mark, "mark");
  }
}

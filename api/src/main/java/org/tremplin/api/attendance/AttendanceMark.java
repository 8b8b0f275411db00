package org.tremplin.api.attendance;

import org.tremplin.api.TremplinException;

/**
 * A mark with, for {@link Mark#LATE}, the minutes of lateness.
 *
 * @param mark the mark
 * @param lateMinutes minutes late: positive for LATE (at most a half-day, 210), 0 otherwise
 */
public record AttendanceMark(Mark mark, int lateMinutes) {
  /**
   * LATE has 1–210 minutes; other marks have 0.
   *
   * @param mark the mark
   * @param lateMinutes the late minutes
   */
  public AttendanceMark {
    TremplinException.required(mark, "mark");
    if (mark == Mark.LATE) {
      TremplinException.check(
          lateMinutes >= 1 && lateMinutes <= 210,
          "LATE needs between 1 and 210 minutes, got " + lateMinutes);
    } else {
      TremplinException.check(lateMinutes == 0, mark + " cannot carry late minutes");
    }
  }

  /**
   * A mark other than LATE.
   *
   * @param mark the mark
   * @return a mark other than LATE
   */
  public static AttendanceMark of(Mark mark) {
    return new AttendanceMark(mark, 0);
  }

  /**
   * Late by some minutes.
   *
   * @param minutes the minutes
   * @return the attendance mark
   */
  public static AttendanceMark late(int minutes) {
    return new AttendanceMark(Mark.LATE, minutes);
  }
}

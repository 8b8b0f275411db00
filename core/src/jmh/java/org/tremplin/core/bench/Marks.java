package org.tremplin.core.bench;

import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;

/** A deterministic, plausible spread of attendance marks (mostly present). Stateless. */
final class Marks {
  private Marks() {}

  /** The mark of the n-th half-day of the l-th learner. */
  static AttendanceMark of(int learner, int halfDay) {
    int roll = Math.floorMod(learner * 31 + halfDay * 7, 40);
    return switch (roll) {
      case 0, 1 -> AttendanceMark.late(5 + roll * 10);
      case 2 -> AttendanceMark.of(Mark.ABSENT_JUSTIFIED);
      case 3 -> AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED);
      case 4 -> AttendanceMark.of(Mark.SICK_LEAVE);
      case 5, 6, 7 -> AttendanceMark.of(Mark.IN_PLACEMENT);
      default -> AttendanceMark.of(Mark.PRESENT);
    };
  }
}

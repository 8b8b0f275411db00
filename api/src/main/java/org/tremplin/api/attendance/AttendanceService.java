package org.tremplin.api.attendance;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.api.learner.LearnerId;

/**
 * The attendance sheet of a cohort, per half-day. Records are append-only: a correction adds a
 * version, it never overwrites.
 *
 * <p>Implementations are thread-safe.
 */
public interface AttendanceService {
  /**
   * Records one half-day for one learner (version 1).
   *
   * @throws org.tremplin.api.TremplinException {@code ATTENDANCE_DAY_NOT_IN_CALENDAR}, {@code
   *     ATTENDANCE_IN_FUTURE}, {@code LEARNER_NOT_ENROLLED}, {@code ATTENDANCE_ALREADY_RECORDED}
   */
  AttendanceRecord record(CohortId cohort, AttendanceEntry entry, String by);

  /**
   * Records many half-days in one transaction: all are written or none.
   *
   * @throws org.tremplin.api.TremplinException as {@link #record}, plus {@code
   *     ATTENDANCE_DUPLICATE_IN_BATCH}; the message names the first offending entry
   */
  List<AttendanceRecord> recordAll(CohortId cohort, List<AttendanceEntry> entries, String by);

  /**
   * Corrects a recorded half-day by appending a new version.
   *
   * @throws org.tremplin.api.TremplinException {@code ATTENDANCE_NOT_RECORDED}, {@code
   *     INVALID_ARGUMENT} without a reason
   */
  AttendanceRecord correct(CohortId cohort, AttendanceEntry entry, String by, String reason);

  /** The current sheet of one day: the latest version of each learner's half-days. */
  List<AttendanceRecord> sheet(CohortId cohort, LocalDate day);

  /** The latest version of every half-day recorded in a period, by day, part and learner. */
  List<AttendanceRecord> current(CohortId cohort, DateRange period);

  /** Every version of one learner's half-day, oldest first. */
  List<AttendanceRecord> history(CohortId cohort, LearnerId learner, HalfDay halfDay);

  /** A learner's rates over a period. */
  AttendanceRates learnerRates(CohortId cohort, LearnerId learner, DateRange period);

  /** The cohort's rates over a period (sum over its learners). */
  AttendanceRates cohortRates(CohortId cohort, DateRange period);
}

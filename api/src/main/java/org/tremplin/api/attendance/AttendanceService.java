package org.tremplin.api.attendance;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;

/**
 * The attendance sheet of a cohort, per half-day. Records are append-only: a correction adds a
 * version, it never overwrites; each version records the actor who wrote it. Writes need {@code
 * ATTENDANCE_WRITE} on the cohort, reads {@code ATTENDANCE_READ} on the cohort or the learner
 * ({@code ACCESS_DENIED} otherwise).
 *
 * <p>Implementations are thread-safe.
 */
public interface AttendanceService {
  /**
   * Records one half-day for one learner (version 1).
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param entry the entry
   * @return the attendance record
   * @throws org.tremplin.api.TremplinException {@code ATTENDANCE_DAY_NOT_IN_CALENDAR}, {@code
   *     ATTENDANCE_IN_FUTURE}, {@code LEARNER_NOT_ENROLLED}, {@code ATTENDANCE_ALREADY_RECORDED}
   */
  AttendanceRecord record(Actor actor, CohortId cohort, AttendanceEntry entry);

  /**
   * Records many half-days in one transaction: all are written or none.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param entries the entries
   * @return the attendance records
   * @throws org.tremplin.api.TremplinException as {@link #record}, plus {@code
   *     ATTENDANCE_DUPLICATE_IN_BATCH}; the message names the first offending entry
   */
  List<AttendanceRecord> recordAll(Actor actor, CohortId cohort, List<AttendanceEntry> entries);

  /**
   * Corrects a recorded half-day by appending a new version.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param entry the entry
   * @param reason the reason
   * @return the attendance record
   * @throws org.tremplin.api.TremplinException {@code ATTENDANCE_NOT_RECORDED}, {@code
   *     INVALID_ARGUMENT} without a reason
   */
  AttendanceRecord correct(Actor actor, CohortId cohort, AttendanceEntry entry, String reason);

  /**
   * The current sheet of one day: the latest version of each learner's half-days.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param day the day
   * @return the current sheet of one day: the latest version of each learner's half-days
   */
  List<AttendanceRecord> sheet(Actor actor, CohortId cohort, LocalDate day);

  /**
   * The latest version of every half-day recorded in a period, by day, part and learner.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param period the period
   * @return the latest version of every half-day recorded in a period, by day, part and learner
   */
  List<AttendanceRecord> current(Actor actor, CohortId cohort, DateRange period);

  /**
   * Every version of one learner's half-day, oldest first.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param halfDay the half day
   * @return every version of one learner's half-day, oldest first
   */
  List<AttendanceRecord> history(Actor actor, CohortId cohort, LearnerId learner, HalfDay halfDay);

  /**
   * A learner's rates over a period.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param period the period
   * @return a learner's rates over a period
   */
  AttendanceRates learnerRates(Actor actor, CohortId cohort, LearnerId learner, DateRange period);

  /**
   * The cohort's rates over a period (sum over its learners).
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param period the period
   * @return the cohort's rates over a period (sum over its learners)
   */
  AttendanceRates cohortRates(Actor actor, CohortId cohort, DateRange period);
}

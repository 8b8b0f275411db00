package org.tremplin.core.attendance;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;

/**
 * The stored attendance sheets: every version of every half-day, append-only. Thread-safe; calls
 * inside a transaction join it.
 */
public interface AttendanceSheets {
  /** A learner's half-day: the key of a sheet line. */
  record Line(LearnerId learner, HalfDay halfDay) {}

  /**
   * Appends versions in one batch; fails (and writes nothing) if any version already exists.
   *
   * @param records the records
   */
  void append(Collection<AttendanceRecord> records);

  /**
   * The lines of a cohort recorded at least once in a period.
   *
   * @param cohort the cohort
   * @param period the period
   * @return the lines of a cohort recorded at least once in a period
   */
  Set<Line> recordedLines(CohortId cohort, DateRange period);

  /**
   * The latest version number of a line, 0 when never recorded.
   *
   * @param cohort the cohort
   * @param line the line
   * @return the latest version number of a line, 0 when never recorded
   */
  int latestVersion(CohortId cohort, Line line);

  /**
   * The latest version of every line recorded in a period, by day, part, learner.
   *
   * @param cohort the cohort
   * @param period the period
   * @return the latest version of every line recorded in a period, by day, part, learner
   */
  List<AttendanceRecord> current(CohortId cohort, DateRange period);

  /**
   * The latest version of one learner's lines in a period, by day and part.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param period the period
   * @return the latest version of one learner's lines in a period, by day and part
   */
  List<AttendanceRecord> current(CohortId cohort, LearnerId learner, DateRange period);

  /**
   * Every version of a line, oldest first.
   *
   * @param cohort the cohort
   * @param line the line
   * @return every version of a line, oldest first
   */
  List<AttendanceRecord> versions(CohortId cohort, Line line);

  /**
   * Per learner, how many half-days are currently marked IN_PLACEMENT.
   *
   * @param cohort the cohort
   * @return the entries, by key
   */
  Map<LearnerId, Integer> placementHalfDays(CohortId cohort);
}

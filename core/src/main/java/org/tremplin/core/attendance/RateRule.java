package org.tremplin.core.attendance;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;

/**
 * The attendance-rate rule: planned half-days are the calendar's working half-days inside the
 * period while the learner was enrolled; each current record on a planned half-day counts by its
 * mark (attended, justified absence, unjustified absence); records outside the planned half-days
 * (e.g. after a back-dated leave) are ignored. Stateless.
 */
public final class RateRule {
  private RateRule() {}

  /**
   * The rates of one learner.
   *
   * @param calendar the calendar
   * @param period the period
   * @param enrolledPeriods the enrolled periods
   * @param currentRecords the current records
   * @return the rates of one learner
   */
  public static AttendanceRates rates(
      CohortCalendar calendar,
      DateRange period,
      List<DateRange> enrolledPeriods,
      List<AttendanceRecord> currentRecords) {
    int plannedDays = 0;
    for (LocalDate day : calendar.workingDaysIn(period)) {
      if (enrolledOn(enrolledPeriods, day)) {
        plannedDays++;
      }
    }
    int attended = 0;
    int justified = 0;
    int unjustified = 0;
    int late = 0;
    for (AttendanceRecord r : currentRecords) {
      LocalDate day = r.halfDay().date();
      if (!period.contains(day)
          || !calendar.isWorkingDay(day)
          || !enrolledOn(enrolledPeriods, day)) {
        continue;
      }
      switch (r.mark().mark().counts()) {
        case ATTENDED -> attended++;
        case JUSTIFIED_ABSENCE -> justified++;
        case UNJUSTIFIED_ABSENCE -> unjustified++;
      }
      late += r.mark().lateMinutes();
    }
    return new AttendanceRates(period, 2 * plannedDays, attended, justified, unjustified, late);
  }

  private static boolean enrolledOn(List<DateRange> periods, LocalDate day) {
    for (DateRange p : periods) {
      if (p.contains(day)) {
        return true;
      }
    }
    return false;
  }
}

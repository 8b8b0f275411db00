package org.tremplin.api.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;

/**
 * Attendance over a period, for a learner or a whole cohort, in half-days. Planned half-days are
 * the working half-days of the calendar while enrolled; every planned half-day is either recorded
 * (attended, justified absence, unjustified absence) or not recorded yet.
 *
 * @param period the period measured
 * @param planned planned half-days
 * @param attended half-days present, late, in placement or training elsewhere
 * @param justifiedAbsences absences justified, sick leave, paid leave
 * @param unjustifiedAbsences absences without justification
 * @param lateMinutes total minutes late
 */
public record AttendanceRates(
    DateRange period,
    int planned,
    int attended,
    int justifiedAbsences,
    int unjustifiedAbsences,
    int lateMinutes) {

  /**
   * Counts are not negative and recorded half-days do not exceed planned ones.
   *
   * @param period the period
   * @param planned the planned
   * @param attended the attended
   * @param justifiedAbsences the justified absences
   * @param unjustifiedAbsences the unjustified absences
   * @param lateMinutes the late minutes
   */
  public AttendanceRates {
    TremplinException.required(period, "period");
    TremplinException.check(
        planned >= 0 && attended >= 0 && justifiedAbsences >= 0 && unjustifiedAbsences >= 0,
        "counts must not be negative");
    TremplinException.check(
        attended + justifiedAbsences + unjustifiedAbsences <= planned,
        "recorded half-days exceed planned half-days");
    TremplinException.check(lateMinutes >= 0, "late minutes must not be negative");
  }

  /**
   * Half-days planned but not recorded yet.
   *
   * @return the unrecorded
   */
  public int unrecorded() {
    return planned - attended - justifiedAbsences - unjustifiedAbsences;
  }

  /**
   * Attended / planned, as a fraction with 4 decimals (0 when nothing was planned).
   *
   * @return the attendance rate
   */
  public BigDecimal attendanceRate() {
    return ratio(attended, planned);
  }

  /**
   * Unjustified absences / planned, as a fraction with 4 decimals.
   *
   * @return the unjustified rate
   */
  public BigDecimal unjustifiedRate() {
    return ratio(unjustifiedAbsences, planned);
  }

  /**
   * Planned hours (3.5 h per half-day).
   *
   * @return the planned hours
   */
  public BigDecimal plannedHours() {
    return BigDecimal.valueOf(planned).multiply(HOURS_PER_HALF_DAY);
  }

  /**
   * Attended hours (3.5 h per attended half-day, minus minutes late).
   *
   * @return the attended hours
   */
  public BigDecimal attendedHours() {
    return BigDecimal.valueOf(attended)
        .multiply(HOURS_PER_HALF_DAY)
        .subtract(
            BigDecimal.valueOf(lateMinutes)
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
  }

  /**
   * Sums two measures of the same period (e.g. two learners).
   *
   * @param other the other
   * @return the attendance rates
   */
  public AttendanceRates plus(AttendanceRates other) {
    return new AttendanceRates(
        period,
        planned + other.planned,
        attended + other.attended,
        justifiedAbsences + other.justifiedAbsences,
        unjustifiedAbsences + other.unjustifiedAbsences,
        lateMinutes + other.lateMinutes);
  }

  /**
   * Nothing planned, nothing recorded.
   *
   * @param period the period
   * @return the attendance rates
   */
  public static AttendanceRates empty(DateRange period) {
    return new AttendanceRates(period, 0, 0, 0, 0, 0);
  }

  /** Hours in a half-day (7 h a day). */
  public static final BigDecimal HOURS_PER_HALF_DAY = new BigDecimal("3.5");

  private static BigDecimal ratio(int part, int whole) {
    if (whole == 0) {
      return BigDecimal.ZERO.setScale(4);
    }
    return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }
}

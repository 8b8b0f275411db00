package org.tremplin.api.alert;

import java.math.BigDecimal;
import org.tremplin.api.TremplinException;

/**
 * The thresholds of the risk signals, configurable per school (defaults in reference data).
 *
 * @param unjustifiedHalfDays unjustified absences that raise a signal...
 * @param unjustifiedWindowDays ...within this many days
 * @param minAttendanceRate attendance rate under which a signal is raised...
 * @param attendanceWindowDays ...over this many days
 * @param maxDaysWithoutMeeting days without a held coaching meeting
 * @param missedMeetings missed meetings since the last held one
 * @param maxDaysWithoutProgress days without competency progress during training phases
 * @param endingWithinDays contract or PASS ending within this many days without an exit plan
 * @param readinessTolerance how far (a fraction) acquired competencies may lag behind the share of
 *     training elapsed
 */
public record RiskThresholds(
    int unjustifiedHalfDays,
    int unjustifiedWindowDays,
    BigDecimal minAttendanceRate,
    int attendanceWindowDays,
    int maxDaysWithoutMeeting,
    int missedMeetings,
    int maxDaysWithoutProgress,
    int endingWithinDays,
    BigDecimal readinessTolerance) {
  /**
   * Counts and windows positive; rates between 0 and 1.
   *
   * @param unjustifiedHalfDays the unjustified half days
   * @param unjustifiedWindowDays the unjustified window days
   * @param minAttendanceRate the min attendance rate
   * @param attendanceWindowDays the attendance window days
   * @param maxDaysWithoutMeeting the max days without meeting
   * @param missedMeetings the missed meetings
   * @param maxDaysWithoutProgress the max days without progress
   * @param endingWithinDays the ending within days
   * @param readinessTolerance the readiness tolerance
   */
  public RiskThresholds {
    TremplinException.check(unjustifiedHalfDays >= 1, "unjustifiedHalfDays must be positive");
    TremplinException.check(unjustifiedWindowDays >= 1, "unjustifiedWindowDays must be positive");
    TremplinException.required(minAttendanceRate, "minAttendanceRate");
    TremplinException.check(
        minAttendanceRate.signum() >= 0 && minAttendanceRate.compareTo(BigDecimal.ONE) <= 0,
        "minAttendanceRate must be between 0 and 1");
    TremplinException.check(attendanceWindowDays >= 1, "attendanceWindowDays must be positive");
    TremplinException.check(maxDaysWithoutMeeting >= 1, "maxDaysWithoutMeeting must be positive");
    TremplinException.check(missedMeetings >= 1, "missedMeetings must be positive");
    TremplinException.check(maxDaysWithoutProgress >= 1, "maxDaysWithoutProgress must be positive");
    TremplinException.check(endingWithinDays >= 1, "endingWithinDays must be positive");
    TremplinException.required(readinessTolerance, "readinessTolerance");
    TremplinException.check(
        readinessTolerance.signum() >= 0 && readinessTolerance.compareTo(BigDecimal.ONE) <= 0,
        "readinessTolerance must be between 0 and 1");
  }
}

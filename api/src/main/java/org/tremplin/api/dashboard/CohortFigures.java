package org.tremplin.api.dashboard;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.TremplinException;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.report.Figure;

/**
 * A cohort's figures on a day (UI.md, Manager).
 *
 * @param cohort the cohort (its capacity is the fill's denominator)
 * @param on the day
 * @param enrolled the learners enrolled on that day
 * @param recentAttendance attendance over the four weeks before that day
 * @param attendanceSinceStart attendance from the cohort's first day to the day before
 * @param ready learners ready for the full title (the readiness rule)
 * @param onTrack learners not ready yet whose acquired competencies keep up with the training
 *     elapsed, within the school's readiness tolerance
 * @param behind learners whose acquired competencies lag behind the training elapsed beyond the
 *     tolerance
 * @param openAlerts one entry per alert not resolved (a learner with two alerts counts twice)
 * @param endingSoon contracts and PASS IAE of enrolled learners ending within {@link
 *     #ENDING_WITHIN_DAYS} days from that day (ended ones left out), soonest first
 */
public record CohortFigures(
    Cohort cohort,
    LocalDate on,
    Figure enrolled,
    AttendanceFigure recentAttendance,
    AttendanceFigure attendanceSinceStart,
    Figure ready,
    Figure onTrack,
    Figure behind,
    Figure openAlerts,
    List<Ending> endingSoon) {
  /** How far ahead a contract or a PASS IAE counts as ending soon (DOMAIN.md, 45 days). */
  public static final int ENDING_WITHIN_DAYS = 45;

  /**
   * All required; copies the list.
   *
   * @param cohort the cohort
   * @param on the day
   * @param enrolled the enrolled learners
   * @param recentAttendance the last four weeks
   * @param attendanceSinceStart since the first day
   * @param ready the ready learners
   * @param onTrack the learners on track
   * @param behind the learners behind
   * @param openAlerts the open alerts
   * @param endingSoon the contracts and PASS ending soon
   */
  public CohortFigures {
    TremplinException.required(cohort, "cohort");
    TremplinException.required(on, "on");
    TremplinException.required(enrolled, "enrolled");
    TremplinException.required(recentAttendance, "recent attendance");
    TremplinException.required(attendanceSinceStart, "attendance since start");
    TremplinException.required(ready, "ready");
    TremplinException.required(onTrack, "on track");
    TremplinException.required(behind, "behind");
    TremplinException.required(openAlerts, "open alerts");
    endingSoon = List.copyOf(TremplinException.required(endingSoon, "ending soon"));
  }

  /**
   * Places left: capacity minus enrolled, never negative.
   *
   * @return the places left
   */
  public int placesLeft() {
    return Math.max(0, cohort.capacity() - enrolled.count());
  }
}

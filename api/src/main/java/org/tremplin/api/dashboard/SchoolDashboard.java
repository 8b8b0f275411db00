package org.tremplin.api.dashboard;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.report.YearlyReview;

/**
 * A school at a glance (UI.md, Manager).
 *
 * @param school the school
 * @param on the day
 * @param cohorts the cohorts that run this calendar year or later, newest first
 * @param exits this calendar year's review: exits by category and the dynamic and durable rates, by
 *     the yearly review's rules
 * @param targets the funders' targets the rates are read against
 */
public record SchoolDashboard(
    SchoolId school,
    LocalDate on,
    List<CohortFigures> cohorts,
    YearlyReview exits,
    ExitTargets targets) {
  /**
   * All required; copies the list.
   *
   * @param school the school
   * @param on the day
   * @param cohorts the cohorts
   * @param exits the year's exits
   * @param targets the targets
   */
  public SchoolDashboard {
    TremplinException.required(school, "school");
    TremplinException.required(on, "on");
    cohorts = List.copyOf(TremplinException.required(cohorts, "cohorts"));
    TremplinException.required(exits, "exits");
    TremplinException.required(targets, "targets");
  }
}

package org.tremplin.api.project;

import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.calendar.DateRange;

/**
 * The projects report, computed by read-side queries over a whole school. Checks {@code
 * REPORT_READ} on the school ({@code ACCESS_DENIED} otherwise).
 *
 * <p>Implementations are thread-safe.
 */
public interface ProjectsReportService {
  /**
   * The school's projects report for a period.
   *
   * @param actor who asks
   * @param school the school
   * @param period the period, both days included
   * @return the report
   * @throws org.tremplin.api.TremplinException {@code SCHOOL_NOT_FOUND}
   */
  ProjectsReport projects(Actor actor, SchoolId school, DateRange period);
}

package org.tremplin.api.dashboard;

import org.tremplin.api.CohortId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;

/**
 * The school's dashboard, computed by read-side queries over a cohort or a whole school (a fixed
 * number of queries per cohort, never one call per learner), as of today (the engine's clock).
 * Every method checks {@code REPORT_READ} ({@code ACCESS_DENIED} otherwise): a manager of the
 * school, or a network role allowed to read reports. Test accounts are never counted.
 *
 * <p>Implementations are thread-safe.
 */
public interface DashboardService {
  /**
   * One cohort's figures today.
   *
   * @param actor who asks
   * @param cohort the cohort
   * @return the figures
   * @throws org.tremplin.api.TremplinException {@code COHORT_NOT_FOUND}, {@code ACCESS_DENIED}
   */
  CohortFigures figures(Actor actor, CohortId cohort);

  /**
   * The school's dashboard today: its cohorts that run this calendar year or later (newest first)
   * and this calendar year's exits against the funders' targets.
   *
   * @param actor who asks
   * @param school the school
   * @return the dashboard
   * @throws org.tremplin.api.TremplinException {@code SCHOOL_NOT_FOUND}, {@code ACCESS_DENIED}
   */
  SchoolDashboard school(Actor actor, SchoolId school);
}

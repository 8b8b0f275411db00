package org.tremplin.api.report;

import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;

/**
 * Funders' reports, computed by read-side queries over a whole school (not one call per learner).
 * Every method checks {@code REPORT_READ} on the school ({@code ACCESS_DENIED} otherwise): a
 * manager of the school, or an administrator of the network.
 *
 * <p>Implementations are thread-safe.
 */
public interface ReportService {
  /**
   * The school's yearly review for a calendar year.
   *
   * @param actor who asks
   * @param school the school
   * @param year the calendar year, 2000 to 2100
   * @return the review
   * @throws org.tremplin.api.TremplinException {@code SCHOOL_NOT_FOUND}, {@code INVALID_ARGUMENT}
   *     for a year before 2000 or after 2100
   */
  YearlyReview yearlyReview(Actor actor, SchoolId school, int year);
}

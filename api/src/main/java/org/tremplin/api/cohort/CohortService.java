package org.tremplin.api.cohort;

import java.util.List;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.school.SchoolId;

/**
 * Opens cohorts and gives their calendar.
 *
 * <p>Implementations are thread-safe.
 */
public interface CohortService {
  /**
   * Opens a cohort after checking that its template fits its dates and calendar.
   *
   * @throws org.tremplin.api.TremplinException {@code SCHOOL_NOT_FOUND}, {@code
   *     TEMPLATE_NOT_FOUND}, {@code COHORT_TEMPLATE_EXCEEDS_RANGE}, {@code
   *     TEMPLATE_HOURS_EXCEED_CALENDAR}, {@code INVALID_ARGUMENT}
   */
  Cohort open(NewCohort cohort);

  /**
   * The cohort with this id.
   *
   * @throws org.tremplin.api.TremplinException {@code COHORT_NOT_FOUND}
   */
  Cohort get(CohortId id);

  /** The cohorts of a school, by start date. */
  List<Cohort> bySchool(SchoolId school);

  /** The cohort's calendar, with its template's phases. */
  CohortCalendar calendar(CohortId id);
}

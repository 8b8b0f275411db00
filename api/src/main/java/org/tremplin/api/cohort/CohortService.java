package org.tremplin.api.cohort;

import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.calendar.CohortCalendar;

/**
 * Opens cohorts and gives their calendar. Every call is checked against the actor's grants: opening
 * needs {@code PROGRAMME_WRITE} on the school, reading {@code COHORT_READ} (code {@code
 * ACCESS_DENIED} otherwise).
 *
 * <p>Implementations are thread-safe.
 */
public interface CohortService {
  /**
   * Opens a cohort after checking that its template fits its dates and calendar.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @return the cohort
   * @throws org.tremplin.api.TremplinException {@code SCHOOL_NOT_FOUND}, {@code
   *     TEMPLATE_NOT_FOUND}, {@code COHORT_TEMPLATE_EXCEEDS_RANGE}, {@code
   *     TEMPLATE_HOURS_EXCEED_CALENDAR}, {@code INVALID_ARGUMENT}
   */
  Cohort open(Actor actor, NewCohort cohort);

  /**
   * The cohort with this id.
   *
   * @param actor who calls, checked against the access rules
   * @param id the identifier
   * @return the cohort with this id
   * @throws org.tremplin.api.TremplinException {@code COHORT_NOT_FOUND}
   */
  Cohort get(Actor actor, CohortId id);

  /**
   * The cohorts of a school, by start date.
   *
   * @param actor who calls, checked against the access rules
   * @param school the school
   * @return the cohorts of a school, by start date
   */
  List<Cohort> bySchool(Actor actor, SchoolId school);

  /**
   * The cohort's calendar, with its template's phases.
   *
   * @param actor who calls, checked against the access rules
   * @param id the identifier
   * @return the cohort's calendar, with its template's phases
   */
  CohortCalendar calendar(Actor actor, CohortId id);
}

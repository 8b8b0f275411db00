package org.tremplin.api.report;

import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;

/**
 * Funders' reports, computed by read-side queries over a whole school, département or network (not
 * one call per learner). Every method checks {@code REPORT_READ} ({@code ACCESS_DENIED} otherwise):
 * on a school, its manager or a network administrator; on a département or the network, network
 * roles only.
 *
 * <p>Learners are named only to a reader who may open the school's learner files ({@code
 * INSERTION_READ} on the school: its manager). Anyone else (a network administrator) gets every
 * {@link CountedLearner} in its {@linkplain CountedLearner#pseudonymous() pseudonymous} form:
 * counts and references, never names (DOMAIN.md, People and roles).
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

  /**
   * The Grande École du Numérique indicators of a school, a département or the network for a
   * calendar year.
   *
   * @param actor who asks
   * @param scope the schools covered
   * @param year the calendar year, 2000 to 2100
   * @return the indicators
   * @throws org.tremplin.api.TremplinException {@code SCHOOL_NOT_FOUND}, {@code INVALID_ARGUMENT}
   *     for a year before 2000 or after 2100
   */
  GenIndicators genIndicators(Actor actor, ReportScope scope, int year);

  /**
   * The attendance proof of a cohort over a period. It names the learners, so it needs {@code
   * ATTENDANCE_READ} on the cohort as well as {@code REPORT_READ}: the school's manager.
   *
   * @param actor who asks
   * @param cohort the cohort
   * @param period the period, at most 366 days
   * @return the proof
   * @throws org.tremplin.api.TremplinException {@code COHORT_NOT_FOUND}, {@code INVALID_ARGUMENT}
   *     for a period longer than 366 days
   */
  AttendanceProof attendanceProof(
      Actor actor, org.tremplin.api.CohortId cohort, org.tremplin.api.calendar.DateRange period);

  /**
   * The network view of a calendar year: every school and every département side by side. Network
   * roles only; learners by pseudonymous reference unless the reader may open their files.
   *
   * @param actor who asks
   * @param year the calendar year, 2000 to 2100
   * @return the view
   * @throws org.tremplin.api.TremplinException {@code INVALID_ARGUMENT} for a year before 2000 or
   *     after 2100
   */
  NetworkView networkView(Actor actor, int year);
}

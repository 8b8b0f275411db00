package org.tremplin.api.calendar;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.school.Departement;

/**
 * Builds calendars from the public-holiday reference data, closures and templates.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface CalendarService {
  /**
   * The public holidays of a year in a département (all of them, weekends included).
   *
   * @param year the year
   * @param departement the departement
   * @return the public holidays of a year in a département (all of them, weekends included)
   */
  List<PublicHoliday> publicHolidays(int year, Departement departement);

  /**
   * The calendar of a range, without phases.
   *
   * @param range the first and last day
   * @param departement the departement
   * @param closures the closures
   * @return the calendar of a range, without phases
   */
  CohortCalendar calendar(DateRange range, Departement departement, List<DateRange> closures);

  /**
   * The last day of a programme laid from {@code start}: the last working day (a weekday that is
   * neither a public holiday of the département nor in a closure) of the template's last week,
   * counting whole weeks from {@code start}. A programme starting on a Monday ends on the Friday of
   * its last week, or on the working day before it when that Friday is a holiday; this is the
   * default end date of a cohort opened on the template.
   *
   * @param start the start
   * @param departement the departement
   * @param closures the closures
   * @param template the template
   * @return the last day of a programme laid from {@code start}: the last working day (a weekday
   *     that is neither a public holiday of the département nor in a closure) of the template's
   *     last week, counting whole weeks from {@code start}
   * @throws org.tremplin.api.TremplinException {@code CALENDAR_INVALID_RANGE} when the years are
   *     not covered by the holiday reference data
   */
  LocalDate programmeEnd(
      LocalDate start,
      Departement departement,
      List<DateRange> closures,
      ProgrammeTemplate template);

  /**
   * The calendar of a range with the template's phases laid from its first day. The template fits
   * when its {@link #programmeEnd} is on or before the last day of the range.
   *
   * @param range the first and last day
   * @param departement the departement
   * @param closures the closures
   * @param template the template
   * @return the calendar of a range with the template's phases laid from its first day
   * @throws org.tremplin.api.TremplinException {@code COHORT_TEMPLATE_EXCEEDS_RANGE} when the
   *     phases run past the range, {@code TEMPLATE_HOURS_EXCEED_CALENDAR} when a phase's units need
   *     more hours than its working days offer
   */
  CohortCalendar calendar(
      DateRange range,
      Departement departement,
      List<DateRange> closures,
      ProgrammeTemplate template);
}

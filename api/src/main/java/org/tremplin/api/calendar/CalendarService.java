package org.tremplin.api.calendar;

import java.util.List;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.school.Departement;

/**
 * Builds calendars from the public-holiday reference data, closures and templates.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface CalendarService {
  /** The public holidays of a year in a département (all of them, weekends included). */
  List<PublicHoliday> publicHolidays(int year, Departement departement);

  /** The calendar of a range, without phases. */
  CohortCalendar calendar(DateRange range, Departement departement, List<DateRange> closures);

  /**
   * The calendar of a range with the template's phases laid from its first day.
   *
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

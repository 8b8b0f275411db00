package org.tremplin.api.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.tremplin.api.TremplinException;
import org.tremplin.api.school.Departement;

/**
 * The calendar of a cohort: its working days (Monday to Friday, minus public holidays of the
 * département and the school's closures), the holidays it skips, and the phases laid on it.
 *
 * @param range first and last day
 * @param departement the school's département (regional holidays)
 * @param closures the school's closures (inclusive ranges)
 * @param workingDays every working day, in order
 * @param publicHolidays the public holidays falling on a weekday inside the range
 * @param phases the template's phases on real dates, empty when no template was given
 */
public record CohortCalendar(
    DateRange range,
    Departement departement,
    List<DateRange> closures,
    NavigableSet<LocalDate> workingDays,
    List<PublicHoliday> publicHolidays,
    List<PhaseSpan> phases) {

  /** Hours in a working day (DOMAIN.md: full time, 7 h a day). */
  public static final int HOURS_PER_DAY = 7;

  /**
   * All fields required; collections copied.
   *
   * @param range the first and last day
   * @param departement the departement
   * @param closures the closures
   * @param workingDays the working days
   * @param publicHolidays the public holidays
   * @param phases the phases
   */
  public CohortCalendar {
    TremplinException.required(range, "range");
    TremplinException.required(departement, "departement");
    closures = List.copyOf(TremplinException.required(closures, "closures"));
    workingDays =
        java.util.Collections.unmodifiableNavigableSet(
            new TreeSet<>(TremplinException.required(workingDays, "workingDays")));
    publicHolidays = List.copyOf(TremplinException.required(publicHolidays, "publicHolidays"));
    phases = List.copyOf(TremplinException.required(phases, "phases"));
  }

  /**
   * Whether attendance can be recorded on this day.
   *
   * @param day the day
   * @return whether attendance can be recorded on this day
   */
  public boolean isWorkingDay(LocalDate day) {
    return workingDays.contains(day);
  }

  /**
   * Number of working days.
   *
   * @return the working day count
   */
  public int workingDayCount() {
    return workingDays.size();
  }

  /**
   * Number of half-days (two per working day).
   *
   * @return the half day count
   */
  public int halfDayCount() {
    return 2 * workingDays.size();
  }

  /**
   * Planned hours: {@value #HOURS_PER_DAY} per working day.
   *
   * @return the planned hours
   */
  public int plannedHours() {
    return HOURS_PER_DAY * workingDays.size();
  }

  /**
   * Working days inside a range (clipped to the calendar).
   *
   * @param period the period
   * @return the navigable set
   */
  public NavigableSet<LocalDate> workingDaysIn(DateRange period) {
    if (!period.overlaps(range)) {
      return new TreeSet<>();
    }
    return workingDays.subSet(period.first(), true, period.last(), true);
  }

  /**
   * Every working half-day, in order.
   *
   * @return every working half-day, in order
   */
  public Stream<HalfDay> halfDays() {
    return workingDays.stream().flatMap(d -> Stream.of(HalfDay.am(d), HalfDay.pm(d)));
  }

  /**
   * The phase that contains this day.
   *
   * @param day the day
   * @return the phase that contains this day
   */
  public Optional<PhaseSpan> phaseOn(LocalDate day) {
    return phases.stream().filter(p -> p.range().contains(day)).findFirst();
  }
}

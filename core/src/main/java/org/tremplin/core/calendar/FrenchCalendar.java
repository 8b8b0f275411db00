package org.tremplin.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.CalendarService;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.PhaseSpan;
import org.tremplin.api.calendar.PublicHoliday;
import org.tremplin.api.programme.Phase;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.school.Departement;

/**
 * Builds cohort calendars: Monday to Friday, minus the département's public holidays and the
 * school's closures; template phases are laid week by week from the first day. Stateless and
 * thread-safe.
 */
public final class FrenchCalendar implements CalendarService {
  /** Longest range accepted, to bound the work of one request (about 5 years). */
  public static final int MAX_DAYS = 5 * 366;

  private final PublicHolidayRules rules;

  /**
   * A calendar on the bundled holiday rules.
   *
   * @param rules the rules
   */
  public FrenchCalendar(PublicHolidayRules rules) {
    this.rules = rules;
  }

  @Override
  public List<PublicHoliday> publicHolidays(int year, Departement departement) {
    TremplinException.check(year >= 1583 && year <= 9999, "year out of range: " + year);
    return rules.holidays(year, TremplinException.required(departement, "departement"));
  }

  @Override
  public CohortCalendar calendar(
      DateRange range, Departement departement, List<DateRange> closures) {
    TremplinException.required(range, "range");
    TremplinException.required(departement, "departement");
    TremplinException.required(closures, "closures");
    if (range.first().plusDays(MAX_DAYS).isBefore(range.last())) {
      throw new TremplinException(
          ErrorCode.CALENDAR_INVALID_RANGE,
          "range " + range + " is longer than " + MAX_DAYS + " days");
    }
    List<PublicHoliday> holidays = new ArrayList<>();
    Set<LocalDate> holidayDates = new HashSet<>();
    for (int year = range.first().getYear(); year <= range.last().getYear(); year++) {
      for (PublicHoliday h : rules.holidays(year, departement)) {
        if (range.contains(h.date()) && !isWeekend(h.date())) {
          holidays.add(h);
          holidayDates.add(h.date());
        }
      }
    }
    TreeSet<LocalDate> working = new TreeSet<>();
    range
        .days()
        .filter(d -> !isWeekend(d))
        .filter(d -> !holidayDates.contains(d))
        .filter(d -> closures.stream().noneMatch(c -> c.contains(d)))
        .forEach(working::add);
    return new CohortCalendar(range, departement, closures, working, holidays, List.of());
  }

  @Override
  public CohortCalendar calendar(
      DateRange range,
      Departement departement,
      List<DateRange> closures,
      ProgrammeTemplate template) {
    CohortCalendar base = calendar(range, departement, closures);
    TremplinException.required(template, "template");
    LocalDate templateLast = programmeEnd(range.first(), departement, closures, template);
    if (templateLast.isAfter(range.last())) {
      throw new TremplinException(
          ErrorCode.COHORT_TEMPLATE_EXCEEDS_RANGE,
          "template "
              + template.ref()
              + " lasts "
              + template.totalWeeks()
              + " weeks, until its last working day "
              + templateLast
              + ", past the last day "
              + range.last());
    }
    List<PhaseSpan> spans = new ArrayList<>();
    for (int i = 0; i < template.phases().size(); i++) {
      Phase phase = template.phases().get(i);
      LocalDate first = range.first().plusWeeks(phase.startWeek() - 1L);
      boolean lastPhase = i == template.phases().size() - 1;
      LocalDate last = lastPhase ? range.last() : first.plusWeeks(phase.weeks()).minusDays(1);
      DateRange span = new DateRange(first, last);
      int days = base.workingDaysIn(span).size();
      int available = days * CohortCalendar.HOURS_PER_DAY;
      if (phase.unitHours() > available) {
        throw new TremplinException(
            ErrorCode.TEMPLATE_HOURS_EXCEED_CALENDAR,
            "phase "
                + phase.code()
                + " plans "
                + phase.unitHours()
                + " h of units but has "
                + days
                + " working days ("
                + available
                + " h) between "
                + first
                + " and "
                + last);
      }
      spans.add(new PhaseSpan(phase.code(), phase.name(), phase.kind(), span, days));
    }
    return new CohortCalendar(
        base.range(),
        departement,
        base.closures(),
        base.workingDays(),
        base.publicHolidays(),
        spans);
  }

  @Override
  public LocalDate programmeEnd(
      LocalDate start,
      Departement departement,
      List<DateRange> closures,
      ProgrammeTemplate template) {
    TremplinException.required(start, "start");
    TremplinException.required(departement, "departement");
    TremplinException.required(closures, "closures");
    TremplinException.required(template, "template");
    LocalDate lastWeekEnd = start.plusWeeks(template.totalWeeks()).minusDays(1);
    Set<LocalDate> holidays = new HashSet<>();
    for (int year = start.getYear(); year <= lastWeekEnd.getYear(); year++) {
      rules.holidays(year, departement).forEach(h -> holidays.add(h.date()));
    }
    for (LocalDate d = lastWeekEnd; !d.isBefore(start); d = d.minusDays(1)) {
      LocalDate day = d;
      if (!isWeekend(day)
          && !holidays.contains(day)
          && closures.stream().noneMatch(c -> c.contains(day))) {
        return day;
      }
    }
    // No working day at all in the template's weeks: its calendar end is the end of its last week.
    return lastWeekEnd;
  }

  private static boolean isWeekend(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
  }
}

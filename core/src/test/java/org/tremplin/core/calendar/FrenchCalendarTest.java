package org.tremplin.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.PhaseSpan;
import org.tremplin.api.calendar.PublicHoliday;
import org.tremplin.api.school.Departement;
import org.tremplin.core.programme.TemplateCodec;
import org.tremplin.core.programme.TemplateLibrary;

class FrenchCalendarTest {
  private static final FrenchCalendar CALENDAR = new FrenchCalendar(new PublicHolidayRules());
  private static final DateRange YEAR_2025_2026 = DateRange.parse("2025-09-01/2026-06-30");

  @Test
  void firstSeptember2025ToThirtiethJune2026Has209WorkingDays() {
    CohortCalendar c = CALENDAR.calendar(YEAR_2025_2026, Departement.of("92"), List.of());

    assertThat(c.workingDayCount()).isEqualTo(209);
    assertThat(c.halfDayCount()).isEqualTo(418);
    assertThat(c.plannedHours()).isEqualTo(1463);
    assertThat(c.publicHolidays())
        .extracting(PublicHoliday::date)
        .containsExactly(
            LocalDate.of(2025, 11, 11),
            LocalDate.of(2025, 12, 25),
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 5, 8),
            LocalDate.of(2026, 5, 14),
            LocalDate.of(2026, 5, 25));
  }

  @Test
  void alsaceMoselleAddsGoodFridayAndSaintStephen() {
    for (String dep : List.of("57", "67", "68")) {
      CohortCalendar c = CALENDAR.calendar(YEAR_2025_2026, Departement.of(dep), List.of());
      assertThat(c.workingDayCount()).as(dep).isEqualTo(207);
      assertThat(c.isWorkingDay(LocalDate.of(2026, 4, 3))).as("Good Friday in " + dep).isFalse();
      assertThat(c.isWorkingDay(LocalDate.of(2025, 12, 26))).as("26 Dec in " + dep).isFalse();
    }
    assertThat(
            CALENDAR
                .calendar(YEAR_2025_2026, Departement.of("75"), List.of())
                .isWorkingDay(LocalDate.of(2026, 4, 3)))
        .isTrue();
  }

  @Test
  void closuresRemoveTheirWeekdaysInclusively() {
    DateRange christmas = DateRange.parse("2025-12-22/2026-01-02");
    CohortCalendar c = CALENDAR.calendar(YEAR_2025_2026, Departement.of("92"), List.of(christmas));

    // 10 weekdays, of which 25 Dec and 1 Jan were already holidays.
    assertThat(c.workingDayCount()).isEqualTo(209 - 8);
    assertThat(c.isWorkingDay(LocalDate.of(2025, 12, 22))).isFalse();
    assertThat(c.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
    assertThat(c.isWorkingDay(LocalDate.of(2026, 1, 5))).isTrue();
  }

  @Test
  void theDefaultTemplateLaysItsFivePhasesWeekAfterWeek() {
    var template = TemplateCodec.read(TemplateLibrary.builtInDocument("ecole-du-web.json"));

    CohortCalendar c = CALENDAR.calendar(YEAR_2025_2026, Departement.of("92"), List.of(), template);

    assertThat(c.phases())
        .extracting(PhaseSpan::code)
        .containsExactly("SOCLE", "INTENSIVE", "PROJECT", "PLACEMENT", "CERTIFICATION");
    assertThat(c.phases().get(0).range()).isEqualTo(DateRange.parse("2025-09-01/2025-10-12"));
    assertThat(c.phases().get(1).range().first()).isEqualTo(LocalDate.of(2025, 10, 13));
    assertThat(c.phases().get(4).range().last()).isEqualTo(LocalDate.of(2026, 6, 30));
    for (int i = 1; i < c.phases().size(); i++) {
      assertThat(c.phases().get(i).range().first())
          .isEqualTo(c.phases().get(i - 1).range().last().plusDays(1));
    }
    assertThat(c.phases().stream().mapToInt(PhaseSpan::workingDays).sum()).isEqualTo(209);
  }

  @Test
  void refusesATemplateLongerThanTheRange() {
    var template = TemplateCodec.read(TemplateLibrary.builtInDocument("ecole-du-web.json"));

    assertThatThrownBy(
            () ->
                CALENDAR.calendar(
                    DateRange.parse("2025-09-01/2026-03-31"),
                    Departement.of("92"),
                    List.of(),
                    template))
        .isInstanceOf(TremplinException.class)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.COHORT_TEMPLATE_EXCEEDS_RANGE);
  }

  @Test
  void aProgrammeStartingOnMondayEndsOnTheFridayOfItsLastWeek() {
    var template = TemplateCodec.read(TemplateLibrary.builtInDocument("ecole-du-web.json"));

    LocalDate end =
        CALENDAR.programmeEnd(LocalDate.of(2026, 9, 7), Departement.of("75"), List.of(), template);

    assertThat(template.totalWeeks()).isEqualTo(43);
    assertThat(end).isEqualTo(LocalDate.of(2027, 7, 2));
    assertThat(end.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
  }

  @Test
  void aProgrammeWhoseLastFridayIsAHolidayEndsOnTheWorkingDayBefore() {
    var template = TemplateCodec.read(TemplateLibrary.builtInDocument("ecole-du-web.json"));
    // 43 weeks from Monday 2 March 2026 end in the week of Christmas, Friday 25 December 2026.
    LocalDate start = LocalDate.of(2026, 3, 2);

    assertThat(CALENDAR.programmeEnd(start, Departement.of("75"), List.of(), template))
        .isEqualTo(LocalDate.of(2026, 12, 24));
    assertThat(
            CALENDAR.programmeEnd(
                start,
                Departement.of("75"),
                List.of(DateRange.parse("2026-12-21/2026-12-31")),
                template))
        .isEqualTo(LocalDate.of(2026, 12, 18));
  }

  @Test
  void aRangeEndingOnTheLastWorkingDayHoldsTheTemplateAndOneDayLessDoesNot() {
    var template = TemplateCodec.read(TemplateLibrary.builtInDocument("ecole-du-web.json"));

    CohortCalendar c =
        CALENDAR.calendar(
            DateRange.parse("2026-09-07/2027-07-02"), Departement.of("75"), List.of(), template);

    assertThat(c.phases().get(c.phases().size() - 1).range().last())
        .isEqualTo(LocalDate.of(2027, 7, 2));
    assertThatThrownBy(
            () ->
                CALENDAR.calendar(
                    DateRange.parse("2026-09-07/2027-07-01"),
                    Departement.of("75"),
                    List.of(),
                    template))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.COHORT_TEMPLATE_EXCEEDS_RANGE);
  }

  @Test
  void refusesUnitHoursThatTheRealCalendarCannotHold() {
    var template = TemplateCodec.read(TemplateLibrary.builtInDocument("ecole-du-web.json"));
    // Closing the whole intensive phase leaves no working day for its 420 h.
    DateRange closure = DateRange.parse("2025-10-13/2026-02-01");

    assertThatThrownBy(
            () ->
                CALENDAR.calendar(YEAR_2025_2026, Departement.of("92"), List.of(closure), template))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TEMPLATE_HOURS_EXCEED_CALENDAR);
  }

  @Test
  void aYearBeforeTheReferenceDataIsRefusedWithAStableCode() {
    assertThatThrownBy(
            () ->
                CALENDAR.calendar(
                    DateRange.parse("2007-09-03/2008-06-30"), Departement.of("92"), List.of()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.CALENDAR_INVALID_RANGE);
  }

  @Property
  void everyYearHasElevenNationalHolidaysOnDistinctDates(
      @ForAll @IntRange(min = 2024, max = 2035) int year) {
    List<PublicHoliday> h = CALENDAR.publicHolidays(year, Departement.of("75"));
    assertThat(h).hasSize(11);
    assertThat(h.stream().map(PublicHoliday::date).collect(Collectors.toSet())).hasSize(11);
    assertThat(date(h, "ASCENSION").getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
    assertThat(date(h, "WHIT_MONDAY").getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(date(h, "EASTER_MONDAY")).isEqualTo(Easter.sunday(year).plusDays(1));
    assertThat(CALENDAR.publicHolidays(year, Departement.of("67"))).hasSize(13);
  }

  @Property
  void workingDaysAreWeekdaysMinusHolidaysAndClosures(
      @ForAll @IntRange(min = 2024, max = 2035) int year,
      @ForAll @IntRange(min = 0, max = 300) int startOffset,
      @ForAll @IntRange(min = 0, max = 400) int length,
      @ForAll @IntRange(min = 0, max = 30) int closureLength,
      @ForAll boolean alsace) {
    LocalDate first = LocalDate.of(year, 1, 1).plusDays(startOffset);
    DateRange range = new DateRange(first, first.plusDays(length));
    DateRange closure =
        new DateRange(first.plusDays(length / 2), first.plusDays(length / 2 + closureLength));
    Departement dep = Departement.of(alsace ? "68" : "93");

    CohortCalendar c = CALENDAR.calendar(range, dep, List.of(closure));

    Set<LocalDate> holidays = new java.util.HashSet<>();
    for (int y = year; y <= range.last().getYear(); y++) {
      CALENDAR.publicHolidays(y, dep).forEach(p -> holidays.add(p.date()));
    }
    long expected =
        range
            .days()
            .filter(d -> d.getDayOfWeek().getValue() <= 5)
            .filter(d -> !holidays.contains(d))
            .filter(d -> !closure.contains(d))
            .count();
    assertThat(c.workingDayCount()).isEqualTo(expected);
    assertThat(c.halfDayCount()).isEqualTo(2 * expected);
    assertThat(c.publicHolidays())
        .allMatch(p -> range.contains(p.date()) && p.date().getDayOfWeek().getValue() <= 5);
  }

  private static LocalDate date(List<PublicHoliday> h, String code) {
    return h.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow().date();
  }
}

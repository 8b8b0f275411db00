package org.tremplin.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EasterTest {
  // Published Easter Sundays (Gregorian), 2024-2035.
  @ParameterizedTest
  @CsvSource({
    "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28",
    "2028, 2028-04-16", "2029, 2029-04-01", "2030, 2030-04-21", "2031, 2031-04-13",
    "2032, 2032-03-28", "2033, 2033-04-17", "2034, 2034-04-09", "2035, 2035-03-25",
    "2038, 2038-04-25", "2285, 2285-03-22"
  })
  void computesThePublishedEasterSunday(int year, LocalDate expected) {
    assertThat(Easter.sunday(year)).isEqualTo(expected);
  }

  @Property
  void easterIsASundayBetween22MarchAnd25April(@ForAll @IntRange(min = 1583, max = 9999) int year) {
    LocalDate easter = Easter.sunday(year);
    assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
  }
}

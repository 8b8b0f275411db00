package org.tremplin.core.calendar;

import java.time.LocalDate;

/**
 * Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). Never tabulated.
 * Stateless.
 */
public final class Easter {
  private Easter() {}

  /**
   * Easter Sunday of a Gregorian year (1583 onwards).
   *
   * @param year the year
   * @return the local date
   */
  public static LocalDate sunday(int year) {
    if (year < 1583) {
      throw new IllegalArgumentException("Gregorian computus starts in 1583, got " + year);
    }
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}

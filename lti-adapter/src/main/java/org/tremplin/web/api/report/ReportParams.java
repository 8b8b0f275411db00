package org.tremplin.web.api.report;

import jakarta.ws.rs.core.HttpHeaders;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.web.api.frame.Params;
import org.tremplin.web.api.frame.Problem;

/**
 * The reports' query parameters: a calendar year (2000 to 2100), {@code details}, a period of at
 * most 366 days, and the language of CSV and PDF texts. A malformed one is a 400 {@link Problem}
 * naming the parameter, before any read. Stateless.
 */
final class ReportParams {
  private ReportParams() {}

  /** Longest period of an attendance proof or a projects report, as core's rule. */
  static final int MAX_PERIOD_DAYS = 366;

  static int year(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      throw Problem.badRequest("year", "required (a calendar year, e.g. 2025)");
    }
    if (!value.matches("[0-9]{4}")) {
      throw Problem.badRequest("year", "not a year (YYYY, 2000 to 2100)");
    }
    int year = Integer.parseInt(value);
    if (year < 2000 || year > 2100) {
      throw Problem.badRequest("year", "out of range (2000 to 2100)");
    }
    return year;
  }

  static boolean details(@Nullable String value) {
    if (value == null || value.isEmpty() || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw Problem.badRequest("details", "true or false");
  }

  static DateRange period(@Nullable String from, @Nullable String to) {
    LocalDate first = Params.date("from", from);
    LocalDate last = Params.date("to", to);
    if (last.isBefore(first)) {
      throw Problem.badRequest("to", "the period ends before it starts");
    }
    if (ChronoUnit.DAYS.between(first, last) >= MAX_PERIOD_DAYS) {
      throw Problem.badRequest("to", "a period covers at most " + MAX_PERIOD_DAYS + " days");
    }
    return new DateRange(first, last);
  }

  /** English when the client prefers it to French, French otherwise. */
  static Locale language(HttpHeaders headers) {
    for (Locale l : headers.getAcceptableLanguages()) {
      if (l.getLanguage().equals("en")) {
        return Locale.ENGLISH;
      }
      if (l.getLanguage().equals("fr")) {
        return Locale.FRENCH;
      }
    }
    return Locale.FRENCH;
  }
}

package org.tremplin.web.attendance;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDay;

/**
 * The attendance pages' texts in French (default) or English, from the {@code AttendanceMessages}
 * bundles, with dates as "mardi 10 mars 2026" and half-days as "matin" / "après-midi" (UI.md).
 * Immutable and thread-safe.
 */
final class AttendanceText {
  private static final String BUNDLE = "org.tremplin.web.attendance.AttendanceMessages";

  private final Locale locale;
  private final ResourceBundle bundle;

  private AttendanceText(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** English for English, French for anything else. */
  static AttendanceText of(Locale locale) {
    return new AttendanceText(
        Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH);
  }

  Locale locale() {
    return locale;
  }

  /** The text of this key with its arguments (MessageFormat). */
  String get(String key, Object... arguments) {
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }

  /** "mardi 10 mars 2026" / "Tuesday, March 10, 2026". */
  String date(LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
  }

  /** "mardi 10 mars 2026 — matin". */
  String halfDay(HalfDay halfDay) {
    return get("attendance.halfday", date(halfDay.date()), part(halfDay));
  }

  /** "matin" / "après-midi". */
  String part(HalfDay halfDay) {
    return get("attendance.part." + halfDay.part().name());
  }

  /** A mark's name. */
  String mark(Mark mark) {
    return get("attendance.mark." + mark.name());
  }

  /** A mark's name, with the minutes when late. */
  String mark(AttendanceMark mark) {
    return mark.mark() == Mark.LATE
        ? get("attendance.late.value", mark(mark.mark()), mark.lateMinutes())
        : mark(mark.mark());
  }

  /** An instant as a date and time in the school's zone ("10 mars 2026, 09:12"). */
  String dateTime(Instant instant, ZoneId zone) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)
        .format(instant.atZone(zone));
  }
}

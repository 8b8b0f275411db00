package org.tremplin.api.calendar;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;

/**
 * An inclusive range of days.
 *
 * @param first the first day
 * @param last the last day, not before {@code first}
 */
public record DateRange(LocalDate first, LocalDate last) {
  /**
   * Both days required; {@code last} not before {@code first}.
   *
   * @param first the first
   * @param last the last
   */
  public DateRange {
    TremplinException.required(first, "first day");
    TremplinException.required(last, "last day");
    if (last.isBefore(first)) {
      throw new TremplinException(
          ErrorCode.CALENDAR_INVALID_RANGE,
          "range ends (" + last + ") before it starts (" + first + ")");
    }
  }

  /**
   * Parses {@code 2025-12-22/2026-01-02} (ISO dates, inclusive).
   *
   * @param text the text to read
   * @return the date range
   */
  public static DateRange parse(String text) {
    String[] parts = TremplinException.requiredText(text, "date range").split("/", 2);
    if (parts.length != 2) {
      throw new TremplinException(
          ErrorCode.CALENDAR_INVALID_RANGE,
          "date range must look like FROM/TO, got '" + text + "'");
    }
    try {
      return new DateRange(LocalDate.parse(parts[0].trim()), LocalDate.parse(parts[1].trim()));
    } catch (java.time.format.DateTimeParseException e) {
      throw new TremplinException(
          ErrorCode.CALENDAR_INVALID_RANGE, "not an ISO date in range '" + text + "'", e);
    }
  }

  /**
   * A single day.
   *
   * @param day the day
   * @return a single day
   */
  public static DateRange of(LocalDate day) {
    return new DateRange(day, day);
  }

  /**
   * Whether the day is inside the range.
   *
   * @param day the day
   * @return whether the day is inside the range
   */
  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }

  /**
   * Whether the two ranges share at least one day.
   *
   * @param other the other
   * @return whether the two ranges share at least one day
   */
  public boolean overlaps(DateRange other) {
    return !other.last.isBefore(first) && !other.first.isAfter(last);
  }

  /**
   * Every day of the range, in order.
   *
   * @return every day of the range, in order
   */
  public Stream<LocalDate> days() {
    return first.datesUntil(last.plusDays(1));
  }

  @Override
  public String toString() {
    return first + "/" + last;
  }
}

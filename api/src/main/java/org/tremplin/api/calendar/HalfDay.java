package org.tremplin.api.calendar;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * A half-day (demi-journée): the unit attendance is recorded in.
 *
 * @param date the day
 * @param part morning or afternoon
 */
public record HalfDay(LocalDate date, HalfDayPart part) implements Comparable<HalfDay> {
  /**
   * Both fields required.
   *
   * @param date the day
   * @param part the part
   */
  public HalfDay {
    TremplinException.required(date, "half-day date");
    TremplinException.required(part, "half-day part");
  }

  /**
   * The morning of a day.
   *
   * @param date the day
   * @return the morning of a day
   */
  public static HalfDay am(LocalDate date) {
    return new HalfDay(date, HalfDayPart.AM);
  }

  /**
   * The afternoon of a day.
   *
   * @param date the day
   * @return the afternoon of a day
   */
  public static HalfDay pm(LocalDate date) {
    return new HalfDay(date, HalfDayPart.PM);
  }

  @Override
  public int compareTo(HalfDay other) {
    int byDate = date.compareTo(other.date);
    return byDate != 0 ? byDate : part.compareTo(other.part);
  }

  @Override
  public String toString() {
    return date + " " + part;
  }
}

package org.tremplin.api.calendar;

/** Morning or afternoon: the two half-days of a working day. */
public enum HalfDayPart {
  /** Morning. */
  AM,
  /** Afternoon. */
  PM
}

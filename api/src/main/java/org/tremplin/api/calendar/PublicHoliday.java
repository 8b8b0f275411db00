package org.tremplin.api.calendar;

import java.time.LocalDate;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;

/**
 * A public holiday (jour férié) on a given date.
 *
 * @param date the day
 * @param code stable code, e.g. {@code EASTER_MONDAY}
 * @param name its name
 */
public record PublicHoliday(LocalDate date, String code, LocalizedText name) {
  /**
   * All fields required.
   *
   * @param date the day
   * @param code the stable code
   * @param name the name
   */
  public PublicHoliday {
    TremplinException.required(date, "holiday date");
    TremplinException.requiredText(code, "holiday code");
    TremplinException.required(name, "holiday name");
  }
}

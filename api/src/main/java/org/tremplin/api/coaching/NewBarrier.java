package org.tremplin.api.coaching;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * A barrier to open. Immutable.
 *
 * @param category its kind
 * @param severity how much it weighs
 * @param openedOn the day it was identified
 * @param description what it is, 1 to 2000 characters
 */
public record NewBarrier(
    BarrierCategory category, BarrierSeverity severity, LocalDate openedOn, String description) {
  /**
   * All required; the description not blank.
   *
   * @param category the category
   * @param severity the severity
   * @param openedOn the opened on
   * @param description the description
   */
  public NewBarrier {
    TremplinException.required(category, "category");
    TremplinException.required(severity, "severity");
    TremplinException.required(openedOn, "openedOn");
    TremplinException.requiredText(description, "description");
    description = description.strip();
    TremplinException.check(
        description.length() <= 2000, "description is longer than 2000 characters");
  }
}

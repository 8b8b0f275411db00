package org.tremplin.api.calendar;

import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;
import org.tremplin.api.programme.PhaseKind;

/**
 * A template phase laid on real dates.
 *
 * @param code the phase code
 * @param name the phase name
 * @param kind the phase kind
 * @param range its first and last day
 * @param workingDays the working days it contains
 */
public record PhaseSpan(
    String code, LocalizedText name, PhaseKind kind, DateRange range, int workingDays) {
  /**
   * All fields required.
   *
   * @param code the stable code
   * @param name the name
   * @param kind the kind
   * @param range the first and last day
   * @param workingDays the working days
   */
  public PhaseSpan {
    TremplinException.requiredText(code, "phase code");
    TremplinException.required(name, "phase name");
    TremplinException.required(kind, "phase kind");
    TremplinException.required(range, "phase range");
    TremplinException.check(workingDays >= 0, "working days must not be negative");
  }
}

package org.tremplin.api.coaching;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * A referral to record. Immutable.
 *
 * @param partner to whom
 * @param on the day of the referral
 * @param purpose why, 1 to 500 characters
 */
public record NewReferral(Partner partner, LocalDate on, String purpose) {
  /**
   * All required.
   *
   * @param partner the partner
   * @param on the day it is evaluated on
   * @param purpose the purpose
   */
  public NewReferral {
    TremplinException.required(partner, "partner");
    TremplinException.required(on, "date");
    purpose = checkPurpose(purpose);
  }

  static String checkPurpose(String purpose) {
    TremplinException.requiredText(purpose, "purpose");
    String stripped = purpose.strip();
    TremplinException.check(stripped.length() <= 500, "purpose is longer than 500 characters");
    return stripped;
  }
}

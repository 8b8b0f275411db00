package org.tremplin.api.coaching;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * A learner's referral to a partner (orientation). Immutable.
 *
 * @param id its id
 * @param partner to whom
 * @param on the day of the referral
 * @param purpose why
 * @param recordedBy who recorded it (actor id)
 */
public record Referral(
    ReferralId id, Partner partner, LocalDate on, String purpose, String recordedBy) {
  /**
   * All required.
   *
   * @param id the identifier
   * @param partner the partner
   * @param on the day it is evaluated on
   * @param purpose the purpose
   * @param recordedBy the recorded by
   */
  public Referral {
    TremplinException.required(id, "id");
    TremplinException.required(partner, "partner");
    TremplinException.required(on, "date");
    purpose = NewReferral.checkPurpose(purpose);
    TremplinException.requiredText(recordedBy, "recordedBy");
  }
}

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
  /** All required. */
  public Referral {
    TremplinException.required(id, "id");
    TremplinException.required(partner, "partner");
    TremplinException.required(on, "date");
    purpose = NewReferral.checkPurpose(purpose);
    TremplinException.requiredText(recordedBy, "recordedBy");
  }
}

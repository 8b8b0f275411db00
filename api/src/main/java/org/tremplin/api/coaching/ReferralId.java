package org.tremplin.api.coaching;

import java.util.UUID;
import org.tremplin.api.TremplinException;

/**
 * Identifies a referral to a partner. Immutable.
 *
 * @param value the UUID
 */
public record ReferralId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public ReferralId {
    TremplinException.required(value, "referral id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static ReferralId random() {
    return new ReferralId(UUID.randomUUID());
  }
}

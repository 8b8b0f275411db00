package org.tremplin.api.contract;

import org.tremplin.api.TremplinException;

/**
 * A prolongation of a PASS IAE.
 *
 * @param days days added, positive
 * @param reason why (e.g. training in progress, serious difficulties)
 */
public record PassProlongation(int days, String reason) {
  /**
   * Days positive, reason required.
   *
   * @param days the days
   * @param reason the reason
   */
  public PassProlongation {
    TremplinException.check(days >= 1, "a prolongation adds at least one day");
    TremplinException.requiredText(reason, "prolongation reason");
  }
}

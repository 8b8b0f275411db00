package org.tremplin.api.contract;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * A renewal (avenant de renouvellement): the contract now ends on {@code newEnd}.
 *
 * @param signedOn when it was signed
 * @param newEnd the new last day
 * @param weeklyHours weekly hours from the renewal on
 */
public record ContractAmendment(LocalDate signedOn, LocalDate newEnd, int weeklyHours) {
  /**
   * All fields required.
   *
   * @param signedOn the signed on
   * @param newEnd the new end
   * @param weeklyHours the weekly hours
   */
  public ContractAmendment {
    TremplinException.required(signedOn, "signedOn");
    TremplinException.required(newEnd, "newEnd");
  }
}

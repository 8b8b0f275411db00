package org.tremplin.api.contract;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.TremplinException;
import org.tremplin.api.eligibility.StructureKind;

/**
 * An insertion contract (CDDI) with its renewals and suspensions.
 *
 * @param structure the kind of structure employing (the 60-month extension is for ACI only)
 * @param start first day
 * @param initialEnd last day of the initial contract
 * @param weeklyHours weekly hours of the initial contract
 * @param renewals renewals, in order
 * @param suspensions suspensions, in order
 * @param extensionReason why the contract may run past the ordinary cap (serious difficulties in an
 *     ACI); empty when none
 */
public record InsertionContract(
    StructureKind structure,
    LocalDate start,
    LocalDate initialEnd,
    int weeklyHours,
    List<ContractAmendment> renewals,
    List<Suspension> suspensions,
    String extensionReason) {
  /**
   * All fields required; the end is not before the start.
   *
   * @param structure the structure
   * @param start the start
   * @param initialEnd the initial end
   * @param weeklyHours the weekly hours
   * @param renewals the renewals
   * @param suspensions the suspensions
   * @param extensionReason the extension reason
   */
  public InsertionContract {
    TremplinException.required(structure, "structure");
    TremplinException.required(start, "start");
    TremplinException.required(initialEnd, "initialEnd");
    TremplinException.check(!initialEnd.isBefore(start), "contract ends before it starts");
    renewals = List.copyOf(TremplinException.required(renewals, "renewals"));
    suspensions = List.copyOf(TremplinException.required(suspensions, "suspensions"));
    TremplinException.required(extensionReason, "extensionReason");
  }

  /**
   * The current last day: the newest renewal's, or the initial one.
   *
   * @return the current last day: the newest renewal's, or the initial one
   */
  public LocalDate end() {
    return renewals.isEmpty() ? initialEnd : renewals.get(renewals.size() - 1).newEnd();
  }
}

package org.tremplin.api.insertion;

import org.tremplin.api.TremplinException;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassStatus;

/**
 * A stored PASS IAE with its suspensions and prolongations, and its status on a given day.
 *
 * @param pass the PASS, amendments in the order they were recorded
 * @param status its end, whether it runs and warnings on the day asked
 */
public record AssessedPass(PassIae pass, PassStatus status) {
  /**
   * Both fields required.
   *
   * @param pass the pass
   * @param status the status
   */
  public AssessedPass {
    TremplinException.required(pass, "PASS IAE");
    TremplinException.required(status, "status");
  }
}

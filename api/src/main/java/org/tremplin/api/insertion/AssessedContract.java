package org.tremplin.api.insertion;

import org.tremplin.api.TremplinException;
import org.tremplin.api.contract.ContractAssessment;
import org.tremplin.api.contract.InsertionContract;

/**
 * A stored insertion contract (CDDI) with every amendment, and its assessment on a given day.
 *
 * @param contract the contract, renewals and suspensions in the order they were recorded
 * @param assessment the rules' verdict and warnings on the day asked
 */
public record AssessedContract(InsertionContract contract, ContractAssessment assessment) {
  /**
   * Both fields required.
   *
   * @param contract the contract
   * @param assessment the assessment
   */
  public AssessedContract {
    TremplinException.required(contract, "contract");
    TremplinException.required(assessment, "assessment");
  }
}

package org.tremplin.api.contract;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.TremplinException;

/**
 * A contract checked against the rules on a given day.
 *
 * @param end the contract's current last day
 * @param capEnd the last day the applicable cap allows
 * @param capMonths the cap applied (24, or 60 in an ACI with a recorded reason)
 * @param findings violations and warnings
 */
public record ContractAssessment(
    LocalDate end, LocalDate capEnd, int capMonths, List<ContractFinding> findings) {
  /**
   * All fields required.
   *
   * @param end the end
   * @param capEnd the cap end
   * @param capMonths the cap months
   * @param findings the findings
   */
  public ContractAssessment {
    TremplinException.required(end, "end");
    TremplinException.required(capEnd, "capEnd");
    findings = List.copyOf(TremplinException.required(findings, "findings"));
  }

  /**
   * Whether the contract breaks no rule.
   *
   * @return whether the contract breaks no rule
   */
  public boolean valid() {
    return findings.stream().noneMatch(ContractFinding::violation);
  }
}

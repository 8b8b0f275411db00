package org.tremplin.api.contract;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.TremplinException;

/**
 * A PASS IAE on a given day.
 *
 * @param end its last day, suspensions and prolongations included
 * @param running whether the day is between its start and end
 * @param renewableFrom first day a new PASS may start, after the waiting period
 * @param findings warnings (ending soon)
 */
public record PassStatus(
    LocalDate end, boolean running, LocalDate renewableFrom, List<ContractFinding> findings) {
  /**
   * All fields required.
   *
   * @param end the end
   * @param running the running
   * @param renewableFrom the renewable from
   * @param findings the findings
   */
  public PassStatus {
    TremplinException.required(end, "end");
    TremplinException.required(renewableFrom, "renewableFrom");
    findings = List.copyOf(TremplinException.required(findings, "findings"));
  }
}

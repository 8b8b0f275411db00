package org.tremplin.api.contract;

import java.time.LocalDate;

/**
 * The CDDI and PASS IAE rules, from versioned reference data.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ContractRules {
  /**
   * Checks a contract's periods, hours and total length, and warns of limits ahead on a day.
   *
   * @param contract the contract
   * @param on the day it is evaluated on
   * @return the contract assessment
   */
  ContractAssessment assess(InsertionContract contract, LocalDate on);

  /**
   * The PASS IAE's end, whether it runs on a day, and warnings.
   *
   * @param pass the pass
   * @param on the day it is evaluated on
   * @return the PASS IAE's end, whether it runs on a day, and warnings
   */
  PassStatus status(PassIae pass, LocalDate on);
}

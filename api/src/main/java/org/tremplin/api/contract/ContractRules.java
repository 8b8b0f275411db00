package org.tremplin.api.contract;

import java.time.LocalDate;

/**
 * The CDDI and PASS IAE rules, from versioned reference data.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ContractRules {
  /** Checks a contract's periods, hours and total length, and warns of limits ahead on a day. */
  ContractAssessment assess(InsertionContract contract, LocalDate on);

  /** The PASS IAE's end, whether it runs on a day, and warnings. */
  PassStatus status(PassIae pass, LocalDate on);
}

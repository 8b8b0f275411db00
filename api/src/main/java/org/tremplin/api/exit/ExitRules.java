package org.tremplin.api.exit;

/** Classifies exits by the rules of the reference data. Immutable and thread-safe. */
public interface ExitRules {
  /**
   * Classifies a situation that does not depend on a contract length.
   *
   * @param situation the situation
   * @return the exit classification
   * @throws org.tremplin.api.TremplinException {@code EXIT_CONTRACT_LENGTH_REQUIRED} for CDD and
   *     INTERIM
   */
  ExitClassification classify(ExitSituation situation);

  /**
   * Classifies a situation with the length of the contract obtained, in months.
   *
   * @param situation the situation
   * @param contractMonths the contract months
   * @return the exit classification
   * @throws org.tremplin.api.TremplinException {@code INVALID_ARGUMENT} for a length below 1 or
   *     above 600 months
   */
  ExitClassification classify(ExitSituation situation, int contractMonths);

  /**
   * How many months after the exit its situation is followed up (6 in the current rules).
   *
   * @return how many months after the exit its situation is followed up (6 in the current rules)
   */
  int followUpMonths();
}

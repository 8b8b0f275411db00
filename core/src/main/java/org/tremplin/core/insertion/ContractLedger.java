package org.tremplin.core.insertion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.ContractRules;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.insertion.AssessedContract;
import org.tremplin.core.path.PathAccess;

/**
 * The insertion contract (CDDI) of the insertion path: recorded once, then renewed or suspended,
 * each amendment appended; assessed by the {@link ContractRules} as of a day. Every call goes
 * through {@link PathAccess}. Thread-safe.
 */
public final class ContractLedger {
  private final OncePerLearner<InsertionContract, AssessedContract> contracts;
  private final Contracts store;
  private final Clock clock;

  /**
   * A ledger on its store and the rules it assesses with.
   *
   * @param path the path
   * @param store the store
   * @param rules the rules
   * @param clock the clock read for "now"
   */
  public ContractLedger(PathAccess path, Contracts store, ContractRules rules, Clock clock) {
    this.contracts =
        new OncePerLearner<>(
            path,
            store::find,
            (c, on) -> new AssessedContract(c, rules.assess(c, on)),
            "insertion contract",
            "renew or suspend",
            ErrorCode.CONTRACT_ALREADY_RECORDED,
            ErrorCode.CONTRACT_NOT_RECORDED,
            clock);
    this.store = store;
    this.clock = clock;
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#recordContract}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param contract the contract
   * @return the assessed contract
   */
  public AssessedContract recordContract(
      Actor actor, CohortId cohort, LearnerId learner, InsertionContract contract) {
    return contracts.record(
        actor,
        cohort,
        learner,
        contract,
        () -> store.insert(learner, contract, actor.id(), clock.instant()));
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#renewContract}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param renewal the renewal
   * @return the assessed contract
   */
  public AssessedContract renewContract(
      Actor actor, CohortId cohort, LearnerId learner, ContractAmendment renewal) {
    return contracts.amend(
        actor,
        cohort,
        learner,
        renewal,
        "renewal",
        c ->
            store.appendRenewal(
                learner, c.renewals().size() + 1, renewal, actor.id(), clock.instant()));
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#suspendContract}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param suspension the suspension
   * @return the assessed contract
   */
  public AssessedContract suspendContract(
      Actor actor, CohortId cohort, LearnerId learner, Suspension suspension) {
    return contracts.amend(
        actor,
        cohort,
        learner,
        suspension,
        "suspension",
        c ->
            store.appendSuspension(
                learner, c.suspensions().size() + 1, suspension, actor.id(), clock.instant()));
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#contract}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param on the day it is evaluated on
   * @return the assessed contract, or empty when there is none
   */
  public Optional<AssessedContract> contract(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    return contracts.read(actor, cohort, learner, on);
  }
}

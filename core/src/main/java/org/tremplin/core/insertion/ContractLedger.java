package org.tremplin.core.insertion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.ContractRules;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.insertion.AssessedContract;
import org.tremplin.api.learner.LearnerId;
import org.tremplin.core.path.PathAccess;

/**
 * The insertion contract (CDDI) of the insertion path: recorded once, then renewed or suspended,
 * each amendment appended; assessed by the {@link ContractRules} as of a day. Every call goes
 * through {@link PathAccess}. Thread-safe.
 */
public final class ContractLedger {
  private final PathAccess path;
  private final Contracts store;
  private final ContractRules rules;
  private final Clock clock;

  /** A ledger on its store and the rules it assesses with. */
  public ContractLedger(PathAccess path, Contracts store, ContractRules rules, Clock clock) {
    this.path = path;
    this.store = store;
    this.rules = rules;
    this.clock = clock;
  }

  /** See {@link org.tremplin.api.insertion.InsertionPathService#recordContract}. */
  public AssessedContract recordContract(
      Actor actor, CohortId cohort, LearnerId learner, InsertionContract contract) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(contract, "contract");
    return granted.write(
        cause -> alreadyRecorded(learner, cause),
        () -> {
          if (store.find(learner).isPresent()) {
            throw alreadyRecorded(learner, null);
          }
          store.insert(learner, contract, actor.id(), clock.instant());
          return assessed(contract);
        });
  }

  /** See {@link org.tremplin.api.insertion.InsertionPathService#renewContract}. */
  public AssessedContract renewContract(
      Actor actor, CohortId cohort, LearnerId learner, ContractAmendment renewal) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(renewal, "renewal");
    return granted.write(
        PathAccess.reloadAndRetry("the path of learner " + learner),
        () -> {
          InsertionContract c = stored(learner);
          store.appendRenewal(
              learner, c.renewals().size() + 1, renewal, actor.id(), clock.instant());
          return assessed(stored(learner));
        });
  }

  /** See {@link org.tremplin.api.insertion.InsertionPathService#suspendContract}. */
  public AssessedContract suspendContract(
      Actor actor, CohortId cohort, LearnerId learner, Suspension suspension) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(suspension, "suspension");
    return granted.write(
        PathAccess.reloadAndRetry("the path of learner " + learner),
        () -> {
          InsertionContract c = stored(learner);
          store.appendSuspension(
              learner, c.suspensions().size() + 1, suspension, actor.id(), clock.instant());
          return assessed(stored(learner));
        });
  }

  /** See {@link org.tremplin.api.insertion.InsertionPathService#contract}. */
  public Optional<AssessedContract> contract(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    var granted = path.check(actor, Operation.INSERTION_READ, cohort, learner);
    TremplinException.required(on, "day");
    return granted
        .read(() -> store.find(learner))
        .map(c -> new AssessedContract(c, rules.assess(c, on)));
  }

  private InsertionContract stored(LearnerId learner) {
    return store
        .find(learner)
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.CONTRACT_NOT_RECORDED,
                    "learner " + learner + " has no insertion contract to amend"));
  }

  private AssessedContract assessed(InsertionContract c) {
    return new AssessedContract(c, rules.assess(c, LocalDate.now(clock)));
  }

  private static TremplinException alreadyRecorded(LearnerId learner, @Nullable Throwable cause) {
    return PathAccess.error(
        ErrorCode.CONTRACT_ALREADY_RECORDED,
        "learner " + learner + " already has an insertion contract; renew or suspend it instead",
        cause);
  }
}

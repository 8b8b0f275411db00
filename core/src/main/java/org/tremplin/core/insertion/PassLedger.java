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
import org.tremplin.api.contract.ContractRules;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.insertion.AssessedPass;
import org.tremplin.api.learner.LearnerId;
import org.tremplin.core.path.PathAccess;

/**
 * The PASS IAE of the insertion path: recorded once, then suspended or prolonged, each amendment
 * appended; its status as of a day comes from the {@link ContractRules}. Every call goes through
 * {@link PathAccess}. Thread-safe.
 */
public final class PassLedger {
  private final PathAccess path;
  private final Passes store;
  private final ContractRules rules;
  private final Clock clock;

  /** A ledger on its store and the rules it assesses with. */
  public PassLedger(PathAccess path, Passes store, ContractRules rules, Clock clock) {
    this.path = path;
    this.store = store;
    this.rules = rules;
    this.clock = clock;
  }

  /** See {@link org.tremplin.api.insertion.InsertionPathService#recordPass}. */
  public AssessedPass recordPass(Actor actor, CohortId cohort, LearnerId learner, PassIae pass) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(pass, "PASS IAE");
    return granted.write(
        cause -> alreadyRecorded(learner, cause),
        () -> {
          if (store.find(learner).isPresent()) {
            throw alreadyRecorded(learner, null);
          }
          store.insert(learner, pass, actor.id(), clock.instant());
          return assessed(pass);
        });
  }

  /** See {@link org.tremplin.api.insertion.InsertionPathService#suspendPass}. */
  public AssessedPass suspendPass(
      Actor actor, CohortId cohort, LearnerId learner, Suspension suspension) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(suspension, "suspension");
    return granted.write(
        PathAccess.reloadAndRetry("the path of learner " + learner),
        () -> {
          PassIae p = stored(learner);
          store.appendSuspension(
              learner, p.suspensions().size() + 1, suspension, actor.id(), clock.instant());
          return assessed(stored(learner));
        });
  }

  /** See {@link org.tremplin.api.insertion.InsertionPathService#prolongPass}. */
  public AssessedPass prolongPass(
      Actor actor, CohortId cohort, LearnerId learner, PassProlongation prolongation) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(prolongation, "prolongation");
    return granted.write(
        PathAccess.reloadAndRetry("the path of learner " + learner),
        () -> {
          PassIae p = stored(learner);
          store.appendProlongation(
              learner, p.prolongations().size() + 1, prolongation, actor.id(), clock.instant());
          return assessed(stored(learner));
        });
  }

  /** See {@link org.tremplin.api.insertion.InsertionPathService#pass}. */
  public Optional<AssessedPass> pass(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    var granted = path.check(actor, Operation.INSERTION_READ, cohort, learner);
    TremplinException.required(on, "day");
    return granted
        .read(() -> store.find(learner))
        .map(p -> new AssessedPass(p, rules.status(p, on)));
  }

  private PassIae stored(LearnerId learner) {
    return store
        .find(learner)
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.PASS_NOT_RECORDED,
                    "learner " + learner + " has no PASS IAE to amend"));
  }

  private AssessedPass assessed(PassIae p) {
    return new AssessedPass(p, rules.status(p, LocalDate.now(clock)));
  }

  private static TremplinException alreadyRecorded(LearnerId learner, @Nullable Throwable cause) {
    return PathAccess.error(
        ErrorCode.PASS_ALREADY_RECORDED,
        "learner " + learner + " already has a PASS IAE; suspend or prolong it instead",
        cause);
  }
}

package org.tremplin.core.insertion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.contract.ContractRules;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.insertion.AssessedPass;
import org.tremplin.core.path.PathAccess;

/**
 * The PASS IAE of the insertion path: recorded once, then suspended or prolonged, each amendment
 * appended; its status as of a day comes from the {@link ContractRules}. Every call goes through
 * {@link PathAccess}. Thread-safe.
 */
public final class PassLedger {
  private final OncePerLearner<PassIae, AssessedPass> passes;
  private final Passes store;
  private final Clock clock;

  /**
   * A ledger on its store and the rules it assesses with.
   *
   * @param path the path
   * @param store the store
   * @param rules the rules
   * @param clock the clock read for "now"
   */
  public PassLedger(PathAccess path, Passes store, ContractRules rules, Clock clock) {
    this.passes =
        new OncePerLearner<>(
            path,
            store::find,
            (p, on) -> new AssessedPass(p, rules.status(p, on)),
            "PASS IAE",
            "suspend or prolong",
            ErrorCode.PASS_ALREADY_RECORDED,
            ErrorCode.PASS_NOT_RECORDED,
            clock);
    this.store = store;
    this.clock = clock;
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#recordPass}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param pass the pass
   * @return the assessed pass
   */
  public AssessedPass recordPass(Actor actor, CohortId cohort, LearnerId learner, PassIae pass) {
    return passes.record(
        actor,
        cohort,
        learner,
        pass,
        () -> store.insert(learner, pass, actor.id(), clock.instant()));
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#suspendPass}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param suspension the suspension
   * @return the assessed pass
   */
  public AssessedPass suspendPass(
      Actor actor, CohortId cohort, LearnerId learner, Suspension suspension) {
    return passes.amend(
        actor,
        cohort,
        learner,
        suspension,
        "suspension",
        p ->
            store.appendSuspension(
                learner, p.suspensions().size() + 1, suspension, actor.id(), clock.instant()));
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#prolongPass}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param prolongation the prolongation
   * @return the assessed pass
   */
  public AssessedPass prolongPass(
      Actor actor, CohortId cohort, LearnerId learner, PassProlongation prolongation) {
    return passes.amend(
        actor,
        cohort,
        learner,
        prolongation,
        "prolongation",
        p ->
            store.appendProlongation(
                learner, p.prolongations().size() + 1, prolongation, actor.id(), clock.instant()));
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#pass}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param on the day it is evaluated on
   * @return the assessed pass, or empty when there is none
   */
  public Optional<AssessedPass> pass(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    return passes.read(actor, cohort, learner, on);
  }
}

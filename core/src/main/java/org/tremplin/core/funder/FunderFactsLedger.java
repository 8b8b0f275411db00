package org.tremplin.core.funder;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.funder.CertificationResult;
import org.tremplin.api.funder.FunderFacts;
import org.tremplin.api.funder.FunderFactsService;
import org.tremplin.core.path.PathAccess;

/**
 * {@link FunderFactsService} on its store: every call checked and audited by {@link PathAccess}
 * (feature {@code funder}), every write one transaction. Thread-safe.
 */
public final class FunderFactsLedger implements FunderFactsService {
  private final PathAccess path;
  private final JdbiFunderFacts store;
  private final Clock clock;

  /**
   * A ledger on its store.
   *
   * @param path the access checks and audit of the feature
   * @param store the store
   * @param clock the clock
   */
  public FunderFactsLedger(PathAccess path, JdbiFunderFacts store, Clock clock) {
    this.path = path;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public FunderFacts declare(Actor actor, CohortId cohort, LearnerId learner, FunderFacts facts) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(facts, "funder facts");
    return granted.write(
        PathAccess.reloadAndRetry("the funder facts of learner " + learner),
        () -> {
          store.append(learner, facts, actor.id(), clock.instant());
          return facts;
        });
  }

  @Override
  public Optional<FunderFacts> facts(Actor actor, CohortId cohort, LearnerId learner) {
    return path.check(actor, Operation.INSERTION_READ, cohort, learner)
        .read(() -> store.newest(learner));
  }

  @Override
  public Map<LearnerId, FunderFacts> factsOfCohort(Actor actor, CohortId cohort) {
    return readCohort(actor, cohort, () -> store.newestOfCohort(cohort));
  }

  @Override
  public Map<LearnerId, CertificationResult> certificationsOfCohort(Actor actor, CohortId cohort) {
    return readCohort(actor, cohort, () -> store.newestCertificationsOfCohort(cohort));
  }

  /**
   * A cohort's rows by learner, each kept when the actor may read that learner's insertion path,
   * and audited as the single reads are ({@code funder.insertion_read}).
   */
  private <T> Map<LearnerId, T> readCohort(
      Actor actor, CohortId cohort, Supplier<Map<LearnerId, T>> rows) {
    Map<LearnerId, T> result = new LinkedHashMap<>();
    path.readCohort(
            actor,
            cohort,
            Operation.INSERTION_READ,
            Operation.INSERTION_READ.name().toLowerCase(Locale.ROOT),
            Map.Entry<LearnerId, T>::getKey,
            () -> List.copyOf(rows.get().entrySet()))
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  @Override
  public CertificationResult recordCertification(
      Actor actor, CohortId cohort, LearnerId learner, CertificationResult result) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(result, "certification result");
    return granted.write(
        PathAccess.reloadAndRetry("the certification result of learner " + learner),
        () -> {
          store.appendCertification(learner, result, actor.id(), clock.instant());
          return result;
        });
  }

  @Override
  public Optional<CertificationResult> certification(
      Actor actor, CohortId cohort, LearnerId learner) {
    return path.check(actor, Operation.INSERTION_READ, cohort, learner)
        .read(() -> store.newestCertification(learner));
  }

  @Override
  public void markTestAccount(
      Actor actor, CohortId cohort, LearnerId learner, boolean testAccount) {
    path.check(actor, Operation.ENROLMENT_WRITE, cohort, learner)
        .write(
            PathAccess.reloadAndRetry("the test-account mark of learner " + learner),
            () -> store.markTestAccount(learner, testAccount, actor.id(), clock.instant()));
  }

  @Override
  public boolean isTestAccount(Actor actor, CohortId cohort, LearnerId learner) {
    return path.check(actor, Operation.COHORT_READ, cohort, learner)
        .read(() -> store.isTestAccount(learner));
  }
}

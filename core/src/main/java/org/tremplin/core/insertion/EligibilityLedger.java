package org.tremplin.core.insertion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.contract.ContractRules;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.eligibility.CriterionSuggestion;
import org.tremplin.api.eligibility.EligibilityDiagnosis;
import org.tremplin.api.eligibility.EligibilityRules;
import org.tremplin.api.insertion.DiagnosisId;
import org.tremplin.api.insertion.EligibilityProfile;
import org.tremplin.api.insertion.NewDiagnosis;
import org.tremplin.api.insertion.RecordedDiagnosis;
import org.tremplin.core.insertion.EligibilityRecords.StoredDiagnosis;
import org.tremplin.core.path.PathAccess;

/**
 * The eligibility part of the insertion path: the learner's profile (versioned) and the diagnoses
 * evaluated by the {@link EligibilityRules}; the current diagnosis depends on the PASS IAE, which
 * keeps it valid while it runs. Every call goes through {@link PathAccess}. Thread-safe.
 */
public final class EligibilityLedger {
  private final PathAccess path;
  private final EligibilityRecords records;
  private final Passes passes;
  private final EligibilityRules eligibility;
  private final ContractRules contracts;
  private final Clock clock;

  /**
   * A ledger on its store, the PASS it reads, and the rules it applies.
   *
   * @param path the path
   * @param records the records
   * @param passes the passes
   * @param eligibility the eligibility
   * @param contracts the contracts
   * @param clock the clock read for "now"
   */
  public EligibilityLedger(
      PathAccess path,
      EligibilityRecords records,
      Passes passes,
      EligibilityRules eligibility,
      ContractRules contracts,
      Clock clock) {
    this.path = path;
    this.records = records;
    this.passes = passes;
    this.eligibility = eligibility;
    this.contracts = contracts;
    this.clock = clock;
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#recordProfile}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param profile the profile
   * @return the eligibility profile
   */
  public EligibilityProfile recordProfile(
      Actor actor, CohortId cohort, LearnerId learner, EligibilityProfile profile) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(profile, "profile");
    return granted.write(
        () -> {
          records.appendProfile(
              learner, records.profileVersions(learner) + 1, profile, actor.id(), clock.instant());
          return profile;
        });
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#profile}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the eligibility profile, or empty when there is none
   */
  public Optional<EligibilityProfile> profile(Actor actor, CohortId cohort, LearnerId learner) {
    return path.check(actor, Operation.INSERTION_READ, cohort, learner)
        .read(() -> records.profile(learner));
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#suggest}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param on the day it is evaluated on
   * @return the criterion suggestions
   */
  public List<CriterionSuggestion> suggest(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    var granted = path.check(actor, Operation.INSERTION_READ, cohort, learner);
    TremplinException.required(on, "day");
    EligibilityProfile profile =
        granted.read(() -> records.profile(learner)).orElse(EligibilityProfile.empty());
    return eligibility.suggest(profile.allFacts(), on);
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#recordDiagnosis}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param request the request
   * @return the recorded diagnosis
   */
  public RecordedDiagnosis recordDiagnosis(
      Actor actor, CohortId cohort, LearnerId learner, NewDiagnosis request) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(request, "diagnosis");
    PathAccess.notInFuture(
        clock, request.date(), ErrorCode.INSERTION_DATE_IN_FUTURE, "diagnosis date");
    EligibilityDiagnosis diagnosis =
        new EligibilityDiagnosis(
            actor.id(), request.date(), request.structure(), request.criteria(), request.proofs());
    RecordedDiagnosis recorded =
        new RecordedDiagnosis(
            DiagnosisId.random(),
            learner,
            diagnosis,
            eligibility.evaluate(diagnosis),
            clock.instant());
    return granted.write(
        () -> {
          records.insertDiagnosis(recorded.id(), learner, diagnosis, recorded.recordedAt());
          return recorded;
        });
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#diagnoses}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the recorded diagnosises
   */
  public List<RecordedDiagnosis> diagnoses(Actor actor, CohortId cohort, LearnerId learner) {
    return path
        .check(actor, Operation.INSERTION_READ, cohort, learner)
        .read(() -> records.diagnoses(learner))
        .stream()
        .map(d -> evaluated(learner, d))
        .toList();
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#currentDiagnosis}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param on the day it is evaluated on
   * @return the recorded diagnosis, or empty when there is none
   */
  public Optional<RecordedDiagnosis> currentDiagnosis(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    var granted = path.check(actor, Operation.INSERTION_READ, cohort, learner);
    TremplinException.required(on, "day");
    record Stored(List<StoredDiagnosis> diagnoses, Optional<PassIae> pass) {}
    Stored stored =
        granted.read(() -> new Stored(records.diagnoses(learner), passes.find(learner)));
    boolean passRunning = stored.pass().map(p -> contracts.status(p, on).running()).orElse(false);
    return stored.diagnoses().stream()
        .filter(d -> eligibility.isValidOn(d.diagnosis(), on, passRunning))
        .reduce((older, newer) -> newer)
        .map(d -> evaluated(learner, d));
  }

  private RecordedDiagnosis evaluated(LearnerId learner, StoredDiagnosis d) {
    return new RecordedDiagnosis(
        d.id(), learner, d.diagnosis(), eligibility.evaluate(d.diagnosis()), d.recordedAt());
  }
}

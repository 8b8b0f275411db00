package org.tremplin.core.insertion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.ContractRules;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.eligibility.CriterionSuggestion;
import org.tremplin.api.eligibility.EligibilityDiagnosis;
import org.tremplin.api.eligibility.EligibilityRules;
import org.tremplin.api.exit.ExitClassification;
import org.tremplin.api.exit.ExitRules;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.AssessedContract;
import org.tremplin.api.insertion.AssessedPass;
import org.tremplin.api.insertion.DiagnosisId;
import org.tremplin.api.insertion.EligibilityProfile;
import org.tremplin.api.insertion.Exit;
import org.tremplin.api.insertion.FollowUp;
import org.tremplin.api.insertion.InsertionPathService;
import org.tremplin.api.insertion.NewDiagnosis;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.api.insertion.NewFollowUp;
import org.tremplin.api.insertion.RecordedDiagnosis;
import org.tremplin.api.learner.LearnerId;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.core.coaching.ReferentRegistry;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.insertion.InsertionRecords.StoredDiagnosis;
import org.tremplin.core.insertion.InsertionRecords.Subject;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.privacy.PrivacyOffice;

/**
 * Stores the insertion path and reads it through the pure rules: diagnoses are evaluated by the
 * {@link EligibilityRules}, contracts and PASS assessed by the {@link ContractRules}, exits and
 * follow-ups classified by the {@link ExitRules} (never typed in). Every call checks the actor
 * against the learner's target (school, cohort, referent coach) before touching the database;
 * writes are one transaction each and append only. Thread-safe.
 */
public final class InsertionPathLedger implements InsertionPathService {
  /** Months after an exit when its follow-up is due (DOMAIN.md, Exits: situation at 6 months). */
  public static final int FOLLOW_UP_MONTHS =
      new org.tremplin.core.exit.ReferenceExitRules().followUpMonths();

  private final Database database;
  private final InsertionRecords records;
  private final CohortRegistry cohorts;
  private final LearnerRegistry learners;
  private final ReferentRegistry referents;
  private final PrivacyOffice privacy;
  private final EligibilityRules eligibility;
  private final ContractRules contracts;
  private final ExitRules exits;
  private final AccessRules access;
  private final Clock clock;

  /** A ledger on its store, the registries it checks against and the rules it applies. */
  public InsertionPathLedger(
      Database database,
      InsertionRecords records,
      CohortRegistry cohorts,
      LearnerRegistry learners,
      ReferentRegistry referents,
      PrivacyOffice privacy,
      EligibilityRules eligibility,
      ContractRules contracts,
      ExitRules exits,
      AccessRules access,
      Clock clock) {
    this.database = database;
    this.records = records;
    this.cohorts = cohorts;
    this.learners = learners;
    this.referents = referents;
    this.privacy = privacy;
    this.eligibility = eligibility;
    this.contracts = contracts;
    this.exits = exits;
    this.access = access;
    this.clock = clock;
  }

  // --- profile ---------------------------------------------------------------------------------

  @Override
  public EligibilityProfile recordProfile(
      Actor actor, CohortId cohort, LearnerId learner, EligibilityProfile profile) {
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(profile, "profile");
    return write(
        cohort,
        learner,
        () -> {
          records.appendProfile(
              learner, records.profileVersions(learner) + 1, profile, actor.id(), clock.instant());
          return profile;
        });
  }

  @Override
  public Optional<EligibilityProfile> profile(Actor actor, CohortId cohort, LearnerId learner) {
    check(actor, Operation.INSERTION_READ, cohort, learner);
    return read(cohort, learner, () -> records.profile(learner));
  }

  @Override
  public List<CriterionSuggestion> suggest(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    check(actor, Operation.INSERTION_READ, cohort, learner);
    TremplinException.required(on, "day");
    EligibilityProfile profile =
        read(cohort, learner, () -> records.profile(learner)).orElse(EligibilityProfile.empty());
    return eligibility.suggest(profile.allFacts(), on);
  }

  // --- diagnoses -------------------------------------------------------------------------------

  @Override
  public RecordedDiagnosis recordDiagnosis(
      Actor actor, CohortId cohort, LearnerId learner, NewDiagnosis request) {
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(request, "diagnosis");
    notInFuture(request.date(), "diagnosis");
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
    return write(
        cohort,
        learner,
        () -> {
          records.insertDiagnosis(recorded.id(), learner, diagnosis, recorded.recordedAt());
          return recorded;
        });
  }

  @Override
  public List<RecordedDiagnosis> diagnoses(Actor actor, CohortId cohort, LearnerId learner) {
    check(actor, Operation.INSERTION_READ, cohort, learner);
    return read(cohort, learner, () -> records.diagnoses(learner)).stream()
        .map(d -> evaluated(learner, d))
        .toList();
  }

  @Override
  public Optional<RecordedDiagnosis> currentDiagnosis(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    check(actor, Operation.INSERTION_READ, cohort, learner);
    TremplinException.required(on, "day");
    record Stored(List<StoredDiagnosis> diagnoses, Optional<PassIae> pass) {}
    Stored stored =
        read(cohort, learner, () -> new Stored(records.diagnoses(learner), records.pass(learner)));
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

  // --- contract --------------------------------------------------------------------------------

  @Override
  public AssessedContract recordContract(
      Actor actor, CohortId cohort, LearnerId learner, InsertionContract contract) {
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(contract, "contract");
    try {
      return write(
          cohort,
          learner,
          () -> {
            if (records.contract(learner).isPresent()) {
              throw contractAlreadyRecorded(learner, null);
            }
            records.insertContract(learner, contract, actor.id(), clock.instant());
            return assessed(contract);
          });
    } catch (TremplinException e) {
      if (Database.isUniqueViolation(e)) {
        throw contractAlreadyRecorded(learner, e);
      }
      throw e;
    }
  }

  @Override
  public AssessedContract renewContract(
      Actor actor, CohortId cohort, LearnerId learner, ContractAmendment renewal) {
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(renewal, "renewal");
    return amend(
        cohort,
        learner,
        () -> {
          InsertionContract c = storedContract(learner);
          records.appendRenewal(
              learner, c.renewals().size() + 1, renewal, actor.id(), clock.instant());
          return assessed(storedContract(learner));
        });
  }

  @Override
  public AssessedContract suspendContract(
      Actor actor, CohortId cohort, LearnerId learner, Suspension suspension) {
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(suspension, "suspension");
    return amend(
        cohort,
        learner,
        () -> {
          InsertionContract c = storedContract(learner);
          records.appendSuspension(
              learner,
              Subject.CONTRACT,
              c.suspensions().size() + 1,
              suspension,
              actor.id(),
              clock.instant());
          return assessed(storedContract(learner));
        });
  }

  @Override
  public Optional<AssessedContract> contract(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    check(actor, Operation.INSERTION_READ, cohort, learner);
    TremplinException.required(on, "day");
    return read(cohort, learner, () -> records.contract(learner))
        .map(c -> new AssessedContract(c, contracts.assess(c, on)));
  }

  private InsertionContract storedContract(LearnerId learner) {
    return records
        .contract(learner)
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.CONTRACT_NOT_RECORDED,
                    "learner " + learner + " has no insertion contract to amend"));
  }

  private AssessedContract assessed(InsertionContract c) {
    return new AssessedContract(c, contracts.assess(c, today()));
  }

  private static TremplinException contractAlreadyRecorded(
      LearnerId learner, @Nullable Throwable cause) {
    String message =
        "learner " + learner + " already has an insertion contract; renew or suspend it instead";
    return cause == null
        ? new TremplinException(ErrorCode.CONTRACT_ALREADY_RECORDED, message)
        : new TremplinException(ErrorCode.CONTRACT_ALREADY_RECORDED, message, cause);
  }

  // --- PASS IAE --------------------------------------------------------------------------------

  @Override
  public AssessedPass recordPass(Actor actor, CohortId cohort, LearnerId learner, PassIae pass) {
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(pass, "PASS IAE");
    try {
      return write(
          cohort,
          learner,
          () -> {
            if (records.pass(learner).isPresent()) {
              throw passAlreadyRecorded(learner, null);
            }
            records.insertPass(learner, pass, actor.id(), clock.instant());
            return assessed(pass);
          });
    } catch (TremplinException e) {
      if (Database.isUniqueViolation(e)) {
        throw passAlreadyRecorded(learner, e);
      }
      throw e;
    }
  }

  @Override
  public AssessedPass suspendPass(
      Actor actor, CohortId cohort, LearnerId learner, Suspension suspension) {
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(suspension, "suspension");
    return amend(
        cohort,
        learner,
        () -> {
          PassIae p = storedPass(learner);
          records.appendSuspension(
              learner,
              Subject.PASS,
              p.suspensions().size() + 1,
              suspension,
              actor.id(),
              clock.instant());
          return assessed(storedPass(learner));
        });
  }

  @Override
  public AssessedPass prolongPass(
      Actor actor, CohortId cohort, LearnerId learner, PassProlongation prolongation) {
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(prolongation, "prolongation");
    return amend(
        cohort,
        learner,
        () -> {
          PassIae p = storedPass(learner);
          records.appendProlongation(
              learner, p.prolongations().size() + 1, prolongation, actor.id(), clock.instant());
          return assessed(storedPass(learner));
        });
  }

  @Override
  public Optional<AssessedPass> pass(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    check(actor, Operation.INSERTION_READ, cohort, learner);
    TremplinException.required(on, "day");
    return read(cohort, learner, () -> records.pass(learner))
        .map(p -> new AssessedPass(p, contracts.status(p, on)));
  }

  private PassIae storedPass(LearnerId learner) {
    return records
        .pass(learner)
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.PASS_NOT_RECORDED,
                    "learner " + learner + " has no PASS IAE to amend"));
  }

  private AssessedPass assessed(PassIae p) {
    return new AssessedPass(p, contracts.status(p, today()));
  }

  private static TremplinException passAlreadyRecorded(
      LearnerId learner, @Nullable Throwable cause) {
    String message =
        "learner " + learner + " already has a PASS IAE; suspend or prolong it instead";
    return cause == null
        ? new TremplinException(ErrorCode.PASS_ALREADY_RECORDED, message)
        : new TremplinException(ErrorCode.PASS_ALREADY_RECORDED, message, cause);
  }

  // --- exits -----------------------------------------------------------------------------------

  @Override
  public Exit recordExit(Actor actor, CohortId cohort, LearnerId learner, NewExit request) {
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(request, "exit");
    Exit exit = exitVersion(actor, cohort, learner, request, 1, "");
    try {
      return write(
          cohort,
          learner,
          () -> {
            if (!records.exitHistory(cohort, learner).isEmpty()) {
              throw exitAlreadyRecorded(cohort, learner, null);
            }
            records.appendExit(exit);
            return exit;
          });
    } catch (TremplinException e) {
      if (Database.isUniqueViolation(e)) {
        throw exitAlreadyRecorded(cohort, learner, e);
      }
      throw e;
    }
  }

  @Override
  public Exit correctExit(
      Actor actor, CohortId cohort, LearnerId learner, NewExit request, String reason) {
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(request, "exit");
    TremplinException.requiredText(reason, "correction reason");
    TremplinException.check(
        reason.strip().length() <= 500, "correction reason is longer than 500 characters");
    try {
      return write(
          cohort,
          learner,
          () -> {
            int versions = records.exitHistory(cohort, learner).size();
            if (versions == 0) {
              throw new TremplinException(
                  ErrorCode.EXIT_NOT_RECORDED,
                  "learner " + learner + " has no exit from cohort " + cohort + " to correct");
            }
            Exit exit = exitVersion(actor, cohort, learner, request, versions + 1, reason.strip());
            records.appendExit(exit);
            return exit;
          });
    } catch (TremplinException e) {
      if (Database.isUniqueViolation(e)) {
        throw new TremplinException(
            ErrorCode.INVALID_ARGUMENT,
            "the exit of learner " + learner + " changed meanwhile; reload and retry",
            e);
      }
      throw e;
    }
  }

  @Override
  public Optional<Exit> exit(Actor actor, CohortId cohort, LearnerId learner) {
    List<Exit> history = exitHistory(actor, cohort, learner);
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }

  @Override
  public List<Exit> exitHistory(Actor actor, CohortId cohort, LearnerId learner) {
    check(actor, Operation.INSERTION_READ, cohort, learner);
    return read(cohort, learner, () -> records.exitHistory(cohort, learner));
  }

  @Override
  public FollowUp recordFollowUp(
      Actor actor, CohortId cohort, LearnerId learner, NewFollowUp request) {
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(request, "follow-up");
    notInFuture(request.observedOn(), "follow-up");
    FollowUp followUp =
        new FollowUp(
            cohort,
            learner,
            request.observedOn(),
            request.contractMonths(),
            classify(request.situation(), request.contractMonths()),
            actor.id(),
            clock.instant());
    try {
      return write(
          cohort,
          learner,
          () -> {
            List<Exit> history = records.exitHistory(cohort, learner);
            if (history.isEmpty()) {
              throw new TremplinException(
                  ErrorCode.EXIT_NOT_RECORDED,
                  "learner " + learner + " has no exit from cohort " + cohort + " to follow up");
            }
            LocalDate due = history.get(history.size() - 1).followUpDue();
            if (request.observedOn().isBefore(due)) {
              throw new TremplinException(
                  ErrorCode.FOLLOW_UP_NOT_DUE,
                  "the follow-up of learner " + learner + " is due from " + due);
            }
            if (records.followUp(cohort, learner).isPresent()) {
              throw followUpAlreadyRecorded(learner, null);
            }
            records.insertFollowUp(followUp);
            return followUp;
          });
    } catch (TremplinException e) {
      if (Database.isUniqueViolation(e)) {
        throw followUpAlreadyRecorded(learner, e);
      }
      throw e;
    }
  }

  @Override
  public Optional<FollowUp> followUp(Actor actor, CohortId cohort, LearnerId learner) {
    check(actor, Operation.INSERTION_READ, cohort, learner);
    return read(cohort, learner, () -> records.followUp(cohort, learner));
  }

  @Override
  public List<Exit> followUpsDue(Actor actor, CohortId cohortId, LocalDate on) {
    TremplinException.required(actor, "actor");
    TremplinException.required(on, "day");
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, Operation.COHORT_READ, CohortRegistry.target(cohort));
    record Stored(List<Exit> exits, Set<LearnerId> followedUp) {}
    Stored stored =
        database.read(
            h ->
                new Stored(
                    records.currentExits(cohortId), new HashSet<>(records.followedUp(cohortId))));
    List<Exit> due =
        stored.exits().stream()
            .filter(e -> !e.followUpDue().isAfter(on))
            .filter(e -> !stored.followedUp().contains(e.learner()))
            .filter(
                e -> access.allows(actor, Operation.INSERTION_READ, target(cohort, e.learner())))
            .sorted(Comparator.comparing(Exit::followUpDue))
            .toList();
    due.forEach(e -> privacy.audit(actor, AuditAction.READ, e.learner(), "insertion.exit"));
    return due;
  }

  private Exit exitVersion(
      Actor actor,
      CohortId cohort,
      LearnerId learner,
      NewExit request,
      int version,
      String reason) {
    notInFuture(request.leftOn(), "exit");
    return new Exit(
        cohort,
        learner,
        version,
        request.leftOn(),
        request.contractMonths(),
        classify(request.situation(), request.contractMonths()),
        reason,
        actor.id(),
        clock.instant(),
        request.leftOn().plusMonths(FOLLOW_UP_MONTHS));
  }

  private ExitClassification classify(ExitSituation situation, int contractMonths) {
    return contractMonths == 0
        ? exits.classify(situation)
        : exits.classify(situation, contractMonths);
  }

  private static TremplinException exitAlreadyRecorded(
      CohortId cohort, LearnerId learner, @Nullable Throwable cause) {
    String message =
        "the exit of learner "
            + learner
            + " from cohort "
            + cohort
            + " is already recorded; correct it with a reason instead";
    return cause == null
        ? new TremplinException(ErrorCode.EXIT_ALREADY_RECORDED, message)
        : new TremplinException(ErrorCode.EXIT_ALREADY_RECORDED, message, cause);
  }

  private static TremplinException followUpAlreadyRecorded(
      LearnerId learner, @Nullable Throwable cause) {
    String message = "the follow-up of learner " + learner + " is already recorded";
    return cause == null
        ? new TremplinException(ErrorCode.FOLLOW_UP_ALREADY_RECORDED, message)
        : new TremplinException(ErrorCode.FOLLOW_UP_ALREADY_RECORDED, message, cause);
  }

  // --- shared ----------------------------------------------------------------------------------

  /** Checks the actor on the learner of the cohort, before any read of insertion data. */
  private void check(Actor actor, Operation op, CohortId cohortId, LearnerId learner) {
    TremplinException.required(actor, "actor");
    TremplinException.required(learner, "learner");
    access.check(actor, op, target(cohorts.cohort(cohortId), learner));
    privacy.audit(
        actor,
        auditAction(op),
        learner,
        "insertion." + op.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** READ for read operations, CHANGE for writes. */
  static AuditAction auditAction(Operation op) {
    return op.name().endsWith("_READ") ? AuditAction.READ : AuditAction.CHANGE;
  }

  private Target target(Cohort cohort, LearnerId learner) {
    return new Target.OfLearner(
        cohort.school(), cohort.id(), learner, referents.referentOf(learner).orElse(""));
  }

  /** Runs a write in one transaction, once the learner is known to have joined the cohort. */
  private <R> R write(CohortId cohort, LearnerId learner, Supplier<R> body) {
    return database.inTransaction(
        h -> {
          enrolled(cohort, learner);
          return body.get();
        });
  }

  /** An amendment: a write whose sequence number may have been taken meanwhile. */
  private <R> R amend(CohortId cohort, LearnerId learner, Supplier<R> body) {
    try {
      return write(cohort, learner, body);
    } catch (TremplinException e) {
      if (Database.isUniqueViolation(e)) {
        throw new TremplinException(
            ErrorCode.INVALID_ARGUMENT,
            "the path of learner " + learner + " changed meanwhile; reload and retry",
            e);
      }
      throw e;
    }
  }

  private <R> R read(CohortId cohort, LearnerId learner, Supplier<R> body) {
    return database.read(
        h -> {
          enrolled(cohort, learner);
          return body.get();
        });
  }

  private void enrolled(CohortId cohort, LearnerId learner) {
    try {
      learners.enrolmentOf(cohort, learner);
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ENROLMENT_NOT_ENROLLED) {
        throw new TremplinException(
            ErrorCode.LEARNER_NOT_ENROLLED,
            "learner " + learner + " is not enrolled in cohort " + cohort,
            e);
      }
      throw e;
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private void notInFuture(LocalDate date, String what) {
    LocalDate today = today();
    if (date.isAfter(today)) {
      throw new TremplinException(
          ErrorCode.INSERTION_DATE_IN_FUTURE,
          what + " date " + date + " is in the future (today is " + today + ")");
    }
  }
}

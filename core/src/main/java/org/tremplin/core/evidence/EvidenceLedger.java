package org.tremplin.core.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.certification.CertificationCatalog;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.event.AssessmentRecorded;
import org.tremplin.api.evidence.BlockMilestoneKind;
import org.tremplin.api.evidence.CompetencyProgress;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceId;
import org.tremplin.api.evidence.EvidenceService;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.api.evidence.Readiness;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.programme.ProgrammeTemplateService;
import org.tremplin.core.attendance.AttendanceSheets;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.evidence.EvidenceRecords.Milestone;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.outbox.EventOutbox;

/**
 * Records evidence against the cohort's certification version and derives status and readiness.
 * Readiness of a whole cohort costs four queries whatever its size. Thread-safe.
 */
public final class EvidenceLedger implements EvidenceService {
  private final Database database;
  private final EvidenceRecords records;
  private final AttendanceSheets sheets;
  private final CohortRegistry cohorts;
  private final LearnerRegistry learners;
  private final AccessRules access;
  private final ProgrammeTemplateService templates;
  private final CertificationCatalog catalog;
  private final EventOutbox events;
  private final Clock clock;

  /**
   * A ledger on its stores and the services it checks against.
   *
   * @param database the database (unit of work)
   * @param records the records
   * @param sheets the sheets
   * @param cohorts the cohorts
   * @param learners the learners
   * @param templates the templates
   * @param catalog the catalog
   * @param access the access rules every call is checked against
   * @param events the event outbox
   * @param clock the clock read for "now"
   */
  public EvidenceLedger(
      Database database,
      EvidenceRecords records,
      AttendanceSheets sheets,
      CohortRegistry cohorts,
      LearnerRegistry learners,
      ProgrammeTemplateService templates,
      CertificationCatalog catalog,
      AccessRules access,
      EventOutbox events,
      Clock clock) {
    this.events = events;
    this.access = access;
    this.database = database;
    this.records = records;
    this.sheets = sheets;
    this.cohorts = cohorts;
    this.learners = learners;
    this.templates = templates;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  public Evidence record(Actor actor, CohortId cohortId, NewEvidence request) {
    TremplinException.required(request, "evidence");
    Cohort cohort = check(actor, Operation.EVIDENCE_WRITE, cohortId, request.learner());
    CertificationVersion cert = certificationOf(cohort);
    EvidenceTarget target = resolve(cert, request.target());
    Evidence evidence =
        new Evidence(
            EvidenceId.random(),
            cohortId,
            request.learner(),
            target,
            request.source(),
            request.result(),
            request.assessor().strip(),
            request.assessedOn(),
            request.comment().strip(),
            clock.instant());
    return database.inTransaction(
        h -> {
          checkDateAndEnrolment(cohort, request.learner(), request.assessedOn());
          records.insert(evidence);
          events.append(
              new AssessmentRecorded(
                  cohortId,
                  evidence.learner(),
                  evidence.id(),
                  evidence.target(),
                  evidence.source(),
                  evidence.result(),
                  evidence.assessedOn()));
          return evidence;
        });
  }

  @Override
  public List<Evidence> evidence(Actor actor, CohortId cohort, LearnerId learner) {
    check(actor, Operation.EVIDENCE_READ, cohort, learner);
    return database.read(
        h -> {
          learners.enrolmentOf(cohort, learner);
          return records.byLearner(cohort, learner);
        });
  }

  @Override
  public void recordMilestone(
      Actor actor,
      CohortId cohortId,
      LearnerId learner,
      String block,
      BlockMilestoneKind kind,
      LocalDate on) {
    TremplinException.requiredText(block, "block");
    TremplinException.required(kind, "milestone kind");
    TremplinException.required(on, "date");
    Cohort cohort = check(actor, Operation.EVIDENCE_WRITE, cohortId, learner);
    String by = actor.id();
    CertificationVersion cert = certificationOf(cohort);
    if (cert.block(block).isEmpty()) {
      throw new TremplinException(
          ErrorCode.EVIDENCE_UNKNOWN_BLOCK,
          "block " + block + " is not a block of " + cert.ref() + "; blocks: " + blockCodes(cert));
    }
    database.inTransaction(
        h -> {
          checkDateAndEnrolment(cohort, learner, on);
          return records.insertMilestone(
              cohortId, learner, new Milestone(block, kind), on, by, clock.instant());
        });
  }

  @Override
  public List<CompetencyProgress> progress(Actor actor, CohortId cohortId, LearnerId learner) {
    Cohort cohort = check(actor, Operation.EVIDENCE_READ, cohortId, learner);
    CertificationVersion cert = certificationOf(cohort);
    List<Evidence> evidence =
        database.read(
            h -> {
              learners.enrolmentOf(cohortId, learner);
              return records.byLearner(cohortId, learner);
            });
    return cert.competencies().map(c -> CompetencyStatusRule.progress(c, evidence)).toList();
  }

  @Override
  public Readiness readiness(Actor actor, CohortId cohortId, LearnerId learner) {
    Cohort cohort = check(actor, Operation.EVIDENCE_READ, cohortId, learner);
    ProgrammeTemplate template = templates.get(cohort.template());
    CertificationVersion cert = catalog.version(template.certification());
    return database.read(
        h -> {
          learners.enrolmentOf(cohortId, learner);
          return ReadinessRule.readiness(
              cert,
              learner,
              records.byLearner(cohortId, learner),
              records.milestones(cohortId, learner),
              template.placementHours(),
              sheets.placementHalfDays(cohortId).getOrDefault(learner, 0));
        });
  }

  @Override
  public List<Readiness> readiness(Actor actor, CohortId cohortId) {
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, Operation.EVIDENCE_READ, CohortRegistry.target(cohort));
    ProgrammeTemplate template = templates.get(cohort.template());
    CertificationVersion cert = catalog.version(template.certification());
    return database.read(
        h -> {
          List<Enrolment> enrolments = learners.enrolmentsOf(cohortId);
          Map<LearnerId, List<Evidence>> evidence = records.byCohort(cohortId);
          Map<LearnerId, Set<Milestone>> milestones = records.milestonesByLearner(cohortId);
          Map<LearnerId, Integer> placement = sheets.placementHalfDays(cohortId);
          return enrolments.stream()
              .map(
                  e ->
                      ReadinessRule.readiness(
                          cert,
                          e.learner(),
                          evidence.getOrDefault(e.learner(), List.of()),
                          milestones.getOrDefault(e.learner(), Set.of()),
                          template.placementHours(),
                          placement.getOrDefault(e.learner(), 0)))
              .toList();
        });
  }

  private Cohort check(Actor actor, Operation op, CohortId cohortId, LearnerId learner) {
    TremplinException.required(learner, "learner");
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, op, CohortRegistry.target(cohort, learner));
    return cohort;
  }

  private CertificationVersion certificationOf(Cohort cohort) {
    return catalog.version(templates.get(cohort.template()).certification());
  }

  private static EvidenceTarget resolve(CertificationVersion cert, EvidenceTarget target) {
    Competency competency =
        cert.competency(target.competency())
            .orElseThrow(
                () ->
                    new TremplinException(
                        ErrorCode.EVIDENCE_UNKNOWN_COMPETENCY,
                        "competency "
                            + target.competency()
                            + " is not in "
                            + cert.ref()
                            + "; it has "
                            + cert.competencies().map(Competency::code).toList()));
    if (target instanceof EvidenceTarget.OnCriterion c
        && competency.criterion(c.criterion()).isEmpty()) {
      throw new TremplinException(
          ErrorCode.EVIDENCE_UNKNOWN_CRITERION,
          "criterion "
              + c.criterion()
              + " is not a criterion of "
              + competency.code()
              + " in "
              + cert.ref());
    }
    return target;
  }

  private void checkDateAndEnrolment(Cohort cohort, LearnerId learner, LocalDate on) {
    LocalDate today = LocalDate.now(clock);
    if (on.isAfter(today)) {
      throw new TremplinException(
          ErrorCode.EVIDENCE_IN_FUTURE,
          "date " + on + " is in the future (today is " + today + ")");
    }
    Enrolment enrolment;
    try {
      enrolment = learners.enrolmentOf(cohort.id(), learner);
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ENROLMENT_NOT_ENROLLED) {
        throw new TremplinException(
            ErrorCode.LEARNER_NOT_ENROLLED,
            "learner " + learner + " is not enrolled in cohort " + cohort.id(),
            e);
      }
      throw e;
    }
    if (!enrolment.enrolledOn(on, cohort.range().last())) {
      throw new TremplinException(
          ErrorCode.LEARNER_NOT_ENROLLED,
          "learner " + learner + " was not enrolled in cohort " + cohort.id() + " on " + on);
    }
  }

  private static List<String> blockCodes(CertificationVersion cert) {
    return cert.blocks().stream().map(b -> b.code()).toList();
  }
}

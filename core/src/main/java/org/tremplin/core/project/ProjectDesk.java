package org.tremplin.core.project;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.EvidenceService;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.api.programme.ProgrammeTemplateService;
import org.tremplin.api.project.ClientOrganisation;
import org.tremplin.api.project.ClientOrganisationId;
import org.tremplin.api.project.Deliverable;
import org.tremplin.api.project.NewClientOrganisation;
import org.tremplin.api.project.NewProject;
import org.tremplin.api.project.Project;
import org.tremplin.api.project.ProjectId;
import org.tremplin.api.project.ProjectService;
import org.tremplin.api.project.ProjectStatus;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.path.PathAccess;
import org.tremplin.core.privacy.PersonalDataSection;
import org.tremplin.core.privacy.PrivacyOffice;

/**
 * {@link ProjectService} on its store. Every call is checked before anything is read; every write
 * is one transaction that also appends an audit line ({@code project.<what>}) for each team member,
 * and delivering records the team's evidence through the {@link EvidenceService} in that same
 * transaction, so a delivery that fails leaves neither the delivery nor any evidence. Thread-safe.
 */
public final class ProjectDesk implements ProjectService {
  private final Database database;
  private final JdbiProjects store;
  private final CohortRegistry cohorts;
  private final LearnerRegistry learners;
  private final ProgrammeTemplateService templates;
  private final CertificationCatalog catalog;
  private final EvidenceService evidence;
  private final PrivacyOffice privacy;
  private final AccessRules access;
  private final Clock clock;

  /**
   * A desk on its store and the services it checks against.
   *
   * @param database the database (unit of work)
   * @param store the store
   * @param cohorts the cohorts
   * @param learners the learners
   * @param templates the programme templates (for the cohort's certification version)
   * @param catalog the certification catalog
   * @param evidence the evidence ledger a delivery records through
   * @param privacy the audit log
   * @param access the access rules
   * @param clock the clock read for "today"
   */
  public ProjectDesk(
      Database database,
      JdbiProjects store,
      CohortRegistry cohorts,
      LearnerRegistry learners,
      ProgrammeTemplateService templates,
      CertificationCatalog catalog,
      EvidenceService evidence,
      PrivacyOffice privacy,
      AccessRules access,
      Clock clock) {
    this.database = database;
    this.store = store;
    this.cohorts = cohorts;
    this.learners = learners;
    this.templates = templates;
    this.catalog = catalog;
    this.evidence = evidence;
    this.privacy = privacy;
    this.access = access;
    this.clock = clock;
  }

  /**
   * The learner's projects in their personal-data export: title, client, delivery and the
   * competencies evidenced. Erasure keeps the rows (the projects report counts them); the learner's
   * name is blanked where it is stored.
   *
   * @return the section
   */
  public static PersonalDataSection personalData() {
    return PersonalDataSection.sql(
        "projects",
        "select p.title, c.name as client, c.kind as client_kind, p.started_on, p.delivered_on,"
            + " p.deliverable from tremplin_project_member m"
            + " join tremplin_project p on p.id = m.project_id"
            + " join tremplin_client_organisation c on c.id = p.client_id"
            + " where m.learner_id = :learner order by p.seq");
  }

  @Override
  public ClientOrganisation registerClient(
      Actor actor, CohortId cohortId, NewClientOrganisation client) {
    Cohort cohort = checkCohort(actor, Operation.EVIDENCE_WRITE, cohortId);
    TremplinException.required(client, "client organisation");
    ClientOrganisation stored =
        new ClientOrganisation(
            ClientOrganisationId.random(),
            cohort.school(),
            client.name(),
            client.kind(),
            client.qpvBased());
    return database.inTransaction(
        h -> {
          store.insertClient(stored, actor.id(), clock.instant());
          return stored;
        });
  }

  @Override
  public List<ClientOrganisation> clients(Actor actor, CohortId cohortId) {
    Cohort cohort = checkCohort(actor, Operation.COHORT_READ, cohortId);
    return database.read(h -> store.clients(cohort.school()));
  }

  @Override
  public Project start(Actor actor, CohortId cohortId, NewProject request) {
    Cohort cohort = checkCohort(actor, Operation.EVIDENCE_WRITE, cohortId);
    TremplinException.required(request, "project");
    checkCompetencies(cohort, request.competencies());
    return database.inTransaction(
        h -> {
          ClientOrganisation client =
              store
                  .client(request.client())
                  .filter(c -> c.school().equals(cohort.school()))
                  .orElseThrow(
                      () ->
                          new TremplinException(
                              ErrorCode.CLIENT_ORGANISATION_NOT_FOUND,
                              "no client organisation "
                                  + request.client()
                                  + " in the school of cohort "
                                  + cohortId));
          checkEnrolled(cohortId, request.team());
          Project project =
              new Project(
                  ProjectId.random(),
                  cohortId,
                  client,
                  request.title(),
                  request.brief(),
                  request.team(),
                  List.of(),
                  request.competencies(),
                  new ProjectStatus.InProgress());
          store.insert(project, LocalDate.now(clock), actor.id(), clock.instant());
          audit(actor, request.team(), "start");
          return store.project(project.id()).orElseThrow();
        });
  }

  @Override
  public Project changeTeam(Actor actor, ProjectId id, List<LearnerId> team) {
    Project before = checkProject(actor, Operation.EVIDENCE_WRITE, id);
    List<LearnerId> members =
        List.copyOf(TremplinException.required(team, "team").stream().distinct().toList());
    return database.inTransaction(
        h -> {
          Project current = inProgress(id);
          checkEnrolled(before.cohort(), members);
          store.replaceTeam(id, members);
          List<LearnerId> touched = new ArrayList<>(current.team());
          members.stream().filter(m -> !touched.contains(m)).forEach(touched::add);
          audit(actor, touched, "team");
          return store.project(id).orElseThrow();
        });
  }

  @Override
  public Project addMilestone(Actor actor, ProjectId id, String title, LocalDate due) {
    checkProject(actor, Operation.EVIDENCE_WRITE, id);
    String text = TremplinException.requiredText(title, "milestone title").strip();
    TremplinException.check(text.length() <= 200, "milestone title is longer than 200 characters");
    TremplinException.required(due, "milestone due date");
    return database.inTransaction(
        h -> {
          Project current = inProgress(id);
          store.addMilestone(id, text, due);
          audit(actor, current.team(), "milestone");
          return store.project(id).orElseThrow();
        });
  }

  @Override
  public Project markMilestoneDone(Actor actor, ProjectId id, int milestone) {
    checkProject(actor, Operation.EVIDENCE_WRITE, id);
    return database.inTransaction(
        h -> {
          if (!store.markDone(id, milestone, LocalDate.now(clock))) {
            throw new TremplinException(
                ErrorCode.PROJECT_NOT_FOUND, "project " + id + " has no milestone " + milestone);
          }
          Project current = store.project(id).orElseThrow();
          audit(actor, current.team(), "milestone");
          return current;
        });
  }

  @Override
  public Project deliver(
      Actor actor, ProjectId id, LocalDate on, Deliverable deliverable, List<String> competencies) {
    Project before = checkProject(actor, Operation.EVIDENCE_WRITE, id);
    TremplinException.required(on, "delivery date");
    TremplinException.required(deliverable, "deliverable");
    List<String> codes =
        List.copyOf(
            TremplinException.required(competencies, "competencies").stream()
                .map(String::strip)
                .distinct()
                .toList());
    Cohort cohort = cohorts.cohort(before.cohort());
    checkCompetencies(cohort, codes);
    PathAccess.notInFuture(clock, on, ErrorCode.EVIDENCE_IN_FUTURE, "delivery date");
    return database.inTransaction(
        h -> {
          Project current = inProgress(id);
          if (current.team().isEmpty() || codes.isEmpty()) {
            throw new TremplinException(
                ErrorCode.PROJECT_TEAM_EMPTY,
                "project " + id + " needs a team and at least one competency to be delivered");
          }
          if (!store.deliver(id, on, deliverable, codes)) {
            throw delivered(id);
          }
          String comment = "Projet : " + current.title() + " (" + current.client().name() + ")";
          for (LearnerId member : current.team()) {
            for (String code : codes) {
              evidence.record(
                  actor,
                  current.cohort(),
                  new NewEvidence(
                      member,
                      new EvidenceTarget.OnCompetency(code),
                      EvidenceSource.PROJECT,
                      AssessmentResult.ACQUIRED,
                      actor.id(),
                      on,
                      comment.length() > 2000 ? comment.substring(0, 2000) : comment));
            }
          }
          audit(actor, current.team(), "deliver");
          return store.project(id).orElseThrow();
        });
  }

  @Override
  public Project project(Actor actor, ProjectId id) {
    TremplinException.required(actor, "actor");
    TremplinException.required(id, "project");
    Project project = database.read(h -> store.project(id)).orElseThrow(() -> notFound(id));
    Cohort cohort = cohorts.cohort(project.cohort());
    if (access.allows(actor, Operation.COHORT_READ, CohortRegistry.target(cohort))) {
      return project;
    }
    for (LearnerId member : project.team()) {
      if (access.allows(actor, Operation.EVIDENCE_READ, CohortRegistry.target(cohort, member))) {
        return project;
      }
    }
    access.check(actor, Operation.COHORT_READ, CohortRegistry.target(cohort));
    return project;
  }

  @Override
  public List<Project> projects(Actor actor, CohortId cohortId) {
    checkCohort(actor, Operation.COHORT_READ, cohortId);
    return database.read(h -> store.byCohort(cohortId));
  }

  @Override
  public List<Project> projectsOf(Actor actor, CohortId cohortId, LearnerId learner) {
    TremplinException.required(actor, "actor");
    TremplinException.required(learner, "learner");
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, Operation.EVIDENCE_READ, CohortRegistry.target(cohort, learner));
    return database.read(h -> store.byMember(cohortId, learner));
  }

  private Cohort checkCohort(Actor actor, Operation op, CohortId cohortId) {
    TremplinException.required(actor, "actor");
    TremplinException.required(cohortId, "cohort");
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, op, CohortRegistry.target(cohort));
    return cohort;
  }

  private Project checkProject(Actor actor, Operation op, ProjectId id) {
    TremplinException.required(actor, "actor");
    TremplinException.required(id, "project");
    Project project = database.read(h -> store.project(id)).orElseThrow(() -> notFound(id));
    access.check(actor, op, CohortRegistry.target(cohorts.cohort(project.cohort())));
    return project;
  }

  private Project inProgress(ProjectId id) {
    Project current = store.project(id).orElseThrow(() -> notFound(id));
    if (current.delivered()) {
      throw delivered(id);
    }
    return current;
  }

  private void checkCompetencies(Cohort cohort, List<String> codes) {
    CertificationVersion cert = catalog.version(templates.get(cohort.template()).certification());
    for (String code : codes) {
      if (cert.competency(code).isEmpty()) {
        throw new TremplinException(
            ErrorCode.EVIDENCE_UNKNOWN_COMPETENCY,
            "competency "
                + code
                + " is not in "
                + cert.ref()
                + "; it has "
                + cert.competencies().map(Competency::code).toList());
      }
    }
  }

  private void checkEnrolled(CohortId cohort, List<LearnerId> team) {
    for (LearnerId member : team) {
      try {
        learners.enrolmentOf(cohort, member);
      } catch (TremplinException e) {
        if (e.code() == ErrorCode.ENROLMENT_NOT_ENROLLED) {
          throw new TremplinException(
              ErrorCode.LEARNER_NOT_ENROLLED,
              "learner " + member + " is not enrolled in cohort " + cohort,
              e);
        }
        throw e;
      }
    }
  }

  private void audit(Actor actor, List<LearnerId> team, String what) {
    team.forEach(l -> privacy.audit(actor, AuditAction.CHANGE, l, "project." + what));
  }

  private static TremplinException notFound(ProjectId id) {
    return new TremplinException(ErrorCode.PROJECT_NOT_FOUND, "no project " + id);
  }

  private static TremplinException delivered(ProjectId id) {
    return new TremplinException(
        ErrorCode.PROJECT_ALREADY_DELIVERED, "project " + id + " was delivered already");
  }
}

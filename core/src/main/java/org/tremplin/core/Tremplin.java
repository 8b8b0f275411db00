package org.tremplin.core;

import java.time.Clock;
import javax.sql.DataSource;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.alert.AlertService;
import org.tremplin.api.attendance.AttendanceService;
import org.tremplin.api.calendar.CalendarService;
import org.tremplin.api.certification.CertificationCatalog;
import org.tremplin.api.coaching.CoachingService;
import org.tremplin.api.coaching.ReferentService;
import org.tremplin.api.cohort.CohortService;
import org.tremplin.api.contract.ContractRules;
import org.tremplin.api.dashboard.DashboardService;
import org.tremplin.api.eligibility.EligibilityRules;
import org.tremplin.api.evidence.EvidenceService;
import org.tremplin.api.exit.ExitRules;
import org.tremplin.api.funder.FunderFactsService;
import org.tremplin.api.imports.ImportService;
import org.tremplin.api.insertion.InsertionPathService;
import org.tremplin.api.learner.LearnerService;
import org.tremplin.api.privacy.PrivacyService;
import org.tremplin.api.programme.ProgrammeTemplateService;
import org.tremplin.api.project.ProjectService;
import org.tremplin.api.project.ProjectsReportService;
import org.tremplin.api.report.ReportService;
import org.tremplin.api.roster.RosterService;
import org.tremplin.api.school.SchoolService;
import org.tremplin.api.token.ApiTokenService;
import org.tremplin.core.access.RoleScopeRules;
import org.tremplin.core.alert.AlertDesk;
import org.tremplin.core.alert.JdbiAlerts;
import org.tremplin.core.attendance.AttendanceRegister;
import org.tremplin.core.attendance.JdbiAttendanceSheets;
import org.tremplin.core.calendar.FrenchCalendar;
import org.tremplin.core.calendar.PublicHolidayRules;
import org.tremplin.core.caseload.CaseloadDesk;
import org.tremplin.core.certification.ResourceCertificationCatalog;
import org.tremplin.core.coaching.ActionPlanLedger;
import org.tremplin.core.coaching.BarrierLedger;
import org.tremplin.core.coaching.CoachingJournal;
import org.tremplin.core.coaching.ImmersionLedger;
import org.tremplin.core.coaching.JdbiActionPlans;
import org.tremplin.core.coaching.JdbiBarriers;
import org.tremplin.core.coaching.JdbiImmersions;
import org.tremplin.core.coaching.JdbiMeetings;
import org.tremplin.core.coaching.JdbiReferents;
import org.tremplin.core.coaching.MeetingJournal;
import org.tremplin.core.coaching.ReferentRegistry;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.cohort.JdbiCohorts;
import org.tremplin.core.contract.ReferenceContractRules;
import org.tremplin.core.dashboard.CohortFiguresQuery;
import org.tremplin.core.dashboard.DashboardDesk;
import org.tremplin.core.eligibility.ReferenceEligibilityRules;
import org.tremplin.core.evidence.EvidenceLedger;
import org.tremplin.core.evidence.JdbiEvidenceRecords;
import org.tremplin.core.exit.ReferenceExitRules;
import org.tremplin.core.funder.FunderFactsLedger;
import org.tremplin.core.funder.FunderSections;
import org.tremplin.core.funder.JdbiFunderFacts;
import org.tremplin.core.imports.ImportDesk;
import org.tremplin.core.insertion.ContractLedger;
import org.tremplin.core.insertion.EligibilityLedger;
import org.tremplin.core.insertion.ExitLedger;
import org.tremplin.core.insertion.InsertionPathLedger;
import org.tremplin.core.insertion.JdbiContracts;
import org.tremplin.core.insertion.JdbiEligibilityRecords;
import org.tremplin.core.insertion.JdbiExits;
import org.tremplin.core.insertion.JdbiPasses;
import org.tremplin.core.insertion.PassLedger;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.JdbiLearners;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.outbox.EventOutbox;
import org.tremplin.core.outbox.EventRelay;
import org.tremplin.core.outbox.RelaySettings;
import org.tremplin.core.path.PathAccess;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.core.privacy.JdbiAuditLog;
import org.tremplin.core.privacy.PathSections;
import org.tremplin.core.privacy.PersonalDataSection;
import org.tremplin.core.privacy.PrivacyOffice;
import org.tremplin.core.programme.JdbiProgrammeTemplates;
import org.tremplin.core.programme.SchoolTemplates;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.core.programme.TemplateValidator;
import org.tremplin.core.project.JdbiProjects;
import org.tremplin.core.project.ProjectDesk;
import org.tremplin.core.project.ProjectsReportDesk;
import org.tremplin.core.report.ReportDesk;
import org.tremplin.core.roster.CohortRoster;
import org.tremplin.core.school.JdbiSchools;
import org.tremplin.core.school.SchoolRegistry;
import org.tremplin.core.token.ApiTokens;

/**
 * The Tremplin engine on one database: migrates the schema, installs the bundled reference data,
 * and exposes one service per feature. Build it once per application and share it; it is
 * thread-safe.
 *
 * <p>Changes store their events in the outbox in their own transaction; the {@link #relay() event
 * relay} delivers them (early-warning alerts, and any consumer registered on it). A host starts the
 * relay ({@code relay().start()}) and {@link #close() closes} the engine on shutdown; without a
 * started relay, events stay stored until {@code relay().deliverDue()} or a relay elsewhere
 * delivers them.
 *
 * <pre>{@code
 * Tremplin tremplin = Tremplin.create(dataSource, Clock.system(ZoneId.of("Europe/Paris")));
 * Actor admin = Actor.of("admin-1", Role.ADMIN, new Scope.Network());
 * School school = tremplin.schools().create(admin, "École du Web 92", Departement.of("92"));
 * }</pre>
 */
public final class Tremplin implements AutoCloseable {
  private final CertificationCatalog certifications;
  private final CalendarService calendars;
  private final TemplateLibrary templates;
  private final SchoolService schools;
  private final CohortRegistry cohorts;
  private final LearnerRegistry learners;
  private final AccessRules access;
  private final ReferentRegistry referents;
  private final PrivacyOffice privacy;
  private final AlertDesk alerts;
  private final CoachingService coaching;
  private final AttendanceService attendance;
  private final EvidenceService evidence;
  private final EligibilityRules eligibility = new ReferenceEligibilityRules();
  private final ExitRules exits = new ReferenceExitRules();
  private final InsertionPathService insertion;
  private final RosterService roster;
  private final Database database;
  private final EventRelay relay;
  private final FunderFactsService funderFacts;
  private final ReportDesk reports;
  private final ApiTokens tokens;
  private final ImportService imports;
  private final ProjectService projects;
  private final ProjectsReportService projectsReport;
  private final DashboardService dashboard;
  private final SchoolTemplates schoolTemplates;
  private final CaseloadDesk caseloads;
  private final Clock clock;

  private Tremplin(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    var jdbi = database.jdbi();
    this.access = new RoleScopeRules();
    this.certifications = new ResourceCertificationCatalog();
    this.calendars = new FrenchCalendar(new PublicHolidayRules());
    this.templates =
        new TemplateLibrary(
            database,
            new JdbiProgrammeTemplates(jdbi),
            new TemplateValidator(certifications),
            access,
            clock);
    this.schools = new SchoolRegistry(database, new JdbiSchools(jdbi), access, clock);
    this.schoolTemplates =
        new SchoolTemplates(
            database, templates, new TemplateValidator(certifications), schools, access, clock);
    this.cohorts =
        new CohortRegistry(
            database, new JdbiCohorts(jdbi), schools, templates, calendars, access, clock);
    this.learners =
        new LearnerRegistry(database, new JdbiLearners(jdbi), cohorts, schools, access, clock);
    JdbiAttendanceSheets sheets = new JdbiAttendanceSheets(jdbi);
    EventOutbox events = new EventOutbox(jdbi, clock);
    this.attendance =
        new AttendanceRegister(database, sheets, cohorts, learners, access, events, clock);
    JdbiEvidenceRecords evidenceRecords = new JdbiEvidenceRecords(jdbi);
    this.evidence =
        new EvidenceLedger(
            database,
            evidenceRecords,
            sheets,
            cohorts,
            learners,
            templates,
            certifications,
            access,
            events,
            clock);
    this.privacy = new PrivacyOffice(database, new JdbiAuditLog(jdbi), learners, access, clock);
    this.referents =
        new ReferentRegistry(database, new JdbiReferents(jdbi), learners, privacy, access, clock);
    PathAccess coachingPath =
        new PathAccess(
            "coaching", database, cohorts, learners, referents::referentOf, privacy, access);
    BarrierLedger barriers = new BarrierLedger(coachingPath, new JdbiBarriers(jdbi), clock);
    this.coaching =
        new CoachingJournal(
            new MeetingJournal(coachingPath, new JdbiMeetings(jdbi), events, clock),
            barriers,
            new ActionPlanLedger(coachingPath, new JdbiActionPlans(jdbi), barriers, clock),
            new ImmersionLedger(coachingPath, new JdbiImmersions(jdbi), clock));
    PathAccess insertionPath =
        new PathAccess(
            "insertion", database, cohorts, learners, referents::referentOf, privacy, access);
    ContractRules contractRules = new ReferenceContractRules();
    JdbiPasses passes = new JdbiPasses(jdbi);
    JdbiContracts contracts = new JdbiContracts(jdbi);
    this.insertion =
        new InsertionPathLedger(
            new EligibilityLedger(
                insertionPath,
                new JdbiEligibilityRecords(jdbi),
                passes,
                eligibility,
                contractRules,
                clock),
            new ContractLedger(insertionPath, contracts, contractRules, clock),
            new PassLedger(insertionPath, passes, contractRules, clock),
            new ExitLedger(insertionPath, new JdbiExits(jdbi), exits, clock));
    JdbiAlerts alertStore = new JdbiAlerts(jdbi);
    this.alerts =
        new AlertDesk(
            database,
            alertStore,
            cohorts,
            referents,
            privacy,
            access,
            clock,
            learners,
            attendance,
            evidence,
            coaching,
            insertion);
    this.roster =
        new CohortRoster(database, cohorts, learners, sheets, contracts, alertStore, access);
    this.relay = new EventRelay(jdbi, clock, RelaySettings.defaults());
    relay.register(alerts);
    PathSections.coaching().forEach(privacy::addCoachingNotesSection);
    PathSections.insertion().forEach(privacy::addSection);
    this.funderFacts =
        new FunderFactsLedger(
            new PathAccess(
                "funder", database, cohorts, learners, referents::referentOf, privacy, access),
            new JdbiFunderFacts(jdbi),
            clock);
    FunderSections.all().forEach(privacy::addSection);
    this.reports = new ReportDesk(database, schools, cohorts, access, clock);
    this.tokens = new ApiTokens(database, jdbi, schools, access, clock);
    this.imports =
        new ImportDesk(
            database,
            jdbi,
            schools,
            cohorts,
            learners,
            funderFacts,
            new JdbiFunderFacts(jdbi),
            insertion,
            new JdbiExits(jdbi),
            new PathAccess(
                "imports", database, cohorts, learners, referents::referentOf, privacy, access),
            access,
            events,
            clock);
    privacy.addSection(ImportDesk.referencesSection());
    this.projects =
        new ProjectDesk(
            database,
            new JdbiProjects(jdbi),
            cohorts,
            learners,
            templates,
            certifications,
            evidence,
            privacy,
            access,
            clock);
    privacy.addSection(ProjectDesk.personalData());
    this.projectsReport = new ProjectsReportDesk(database, schools, access);
    this.dashboard =
        new DashboardDesk(
            database,
            schools,
            cohorts,
            reports,
            new CohortFiguresQuery(
                cohorts,
                learners,
                evidenceRecords,
                templates,
                certifications,
                alerts,
                contractRules),
            access,
            clock);
    this.caseloads =
        new CaseloadDesk(
            database,
            cohorts,
            learners,
            referents,
            access,
            new CaseloadDesk.Stores(
                alertStore, new JdbiMeetings(jdbi), contracts, passes, contractRules, privacy));
    templates.installBuiltIns();
  }

  /**
   * Opens Tremplin on a data source (H2 in PostgreSQL mode, or PostgreSQL): migrates the schema and
   * installs the bundled templates that are not stored yet.
   *
   * @param dataSource the database; Tremplin's tables are prefixed {@code tremplin_}
   * @param clock the clock every service reads "now" from; its zone is the schools' zone, where
   *     "today" turns (a mark or an assessment dated after today is refused): pass {@code
   *     Clock.system(ZoneId.of("Europe/Paris"))} in metropolitan France, not {@code
   *     Clock.systemUTC()}, whose day starts at 01:00 or 02:00 in Paris (ADR 0024)
   * @return the engine
   */
  public static Tremplin create(DataSource dataSource, Clock clock) {
    TremplinException.required(dataSource, "dataSource");
    return new Tremplin(Database.open(dataSource), TremplinException.required(clock, "clock"));
  }

  /**
   * The same engine on the same database and transactions (no second migration), reading "now" from
   * another clock: e.g. to load a dataset as of a past day. Sections added with {@link
   * #addPersonalDataSection} are not carried over.
   *
   * @param clock the clock read for "now"
   * @return the same engine on the same database and transactions (no second migration), reading
   *     "now" from another clock: e.g
   */
  public Tremplin withClock(Clock clock) {
    return new Tremplin(database, TremplinException.required(clock, "clock"));
  }

  /**
   * The JDBC URL Tremplin connects with for this one, for a host that builds its own pool: a plain
   * H2 URL gets the PostgreSQL-mode settings Tremplin needs, a PostgreSQL URL {@code
   * reWriteBatchedInserts=true} unless it sets it; any other URL is returned as it is.
   *
   * @param url the URL
   * @return the JDBC URL Tremplin connects with for this one, for a host that builds its own pool:
   *     a plain H2 URL gets the PostgreSQL-mode settings Tremplin needs, a PostgreSQL URL {@code
   *     reWriteBatchedInserts=true} unless it sets it; any other URL is returned as it is
   */
  public static String jdbcUrl(String url) {
    return Database.normalizeUrl(TremplinException.requiredText(url, "JDBC URL"));
  }

  /**
   * A plain data source for a JDBC URL, for the command line, tests and embedded H2. It opens a new
   * connection per call: a server should pass a pooled data source (e.g. HikariCP) to {@link
   * #create} instead (docs/benchmarks.md: ~17–33 ms per PostgreSQL connection here). A plain H2 URL
   * gets the PostgreSQL-mode settings Tremplin needs appended; a PostgreSQL URL gets {@code
   * reWriteBatchedInserts=true} unless it sets it.
   *
   * @param jdbcUrl the jdbc url
   * @param user the user
   * @param password the password
   * @return a plain data source for a JDBC URL, for the command line, tests and embedded H2
   */
  public static DataSource dataSource(String jdbcUrl, String user, String password) {
    TremplinException.requiredText(jdbcUrl, "JDBC URL");
    return Database.driverManager(jdbcUrl, user, password);
  }

  /**
   * The clock every service reads "now" from, as given to {@link #create}: its zone is where the
   * schools' day turns. A host's own pages date their forms by it, so they agree with the engine on
   * what "today" is.
   *
   * @return the engine's clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The certification versions (DWWM 2018, 2023).
   *
   * @return the certification versions (DWWM 2018, 2023)
   */
  public CertificationCatalog certifications() {
    return certifications;
  }

  /**
   * Calendars and public holidays.
   *
   * @return the calendar service
   */
  public CalendarService calendars() {
    return calendars;
  }

  /**
   * Programme templates.
   *
   * @return the programme template service
   */
  public ProgrammeTemplateService templates() {
    return templates;
  }

  /**
   * The programme templates of each school: the network's and its own (import, copy, export).
   *
   * @return the schools' templates
   */
  public SchoolTemplates schoolTemplates() {
    return schoolTemplates;
  }

  /**
   * Schools.
   *
   * @return the school service
   */
  public SchoolService schools() {
    return schools;
  }

  /**
   * Cohorts.
   *
   * @return the cohort service
   */
  public CohortService cohorts() {
    return cohorts;
  }

  /**
   * Learners and enrolments.
   *
   * @return the learner service
   */
  public LearnerService learners() {
    return learners;
  }

  /**
   * Attendance.
   *
   * @return the attendance service
   */
  public AttendanceService attendance() {
    return attendance;
  }

  /**
   * Evidence, competency status and readiness.
   *
   * @return the evidence service
   */
  public EvidenceService evidence() {
    return evidence;
  }

  /**
   * The cohorts' rosters (a trainer's view: enrolment, recent attendance, contract end, alerts).
   *
   * @return the roster service
   */
  public RosterService roster() {
    return roster;
  }

  /**
   * Early-warning alerts and the schools' thresholds.
   *
   * @return the alert service
   */
  public AlertService alerts() {
    return alerts;
  }

  /**
   * Privacy requests: the audit trail of a learner's insertion and coaching data.
   *
   * @return the privacy service
   */
  public PrivacyService privacy() {
    return privacy;
  }

  /**
   * Referent coaches and caseloads.
   *
   * @return the referent service
   */
  public ReferentService referents() {
    return referents;
  }

  /**
   * Coaching: meetings and confidential notes, barriers, action plans, immersions.
   *
   * @return the coaching service
   */
  public CoachingService coaching() {
    return coaching;
  }

  /**
   * Coaches' caseloads: whose referent a coach is, and where each learner's file is kept.
   *
   * @return the caseload desk
   */
  public CaseloadDesk caseloads() {
    return caseloads;
  }

  /**
   * API tokens: server-to-server credentials, stored as hashes (ADR 0011).
   *
   * @return the API token service
   */
  public ApiTokenService tokens() {
    return tokens;
  }

  /**
   * The permission matrix every service checks callers against.
   *
   * @return the permission matrix every service checks callers against
   */
  public AccessRules access() {
    return access;
  }

  /**
   * IAE eligibility rules (dated criteria lists).
   *
   * @return the eligibility rules
   */
  public EligibilityRules eligibility() {
    return eligibility;
  }

  /**
   * Exit classification rules.
   *
   * @return the exit rules
   */
  public ExitRules exits() {
    return exits;
  }

  /**
   * The stored insertion path: eligibility, contract, PASS IAE, exits and follow-ups.
   *
   * @return the stored insertion path: eligibility, contract, PASS IAE, exits and follow-ups
   */
  public InsertionPathService insertion() {
    return insertion;
  }

  /**
   * What funders count about learners: facts declared at entry, certification results.
   *
   * @return the service
   */
  public FunderFactsService funderFacts() {
    return funderFacts;
  }

  /**
   * Funders' reports: the school's yearly review.
   *
   * @return the service
   */
  public ReportService reports() {
    return reports;
  }

  /**
   * Imports of a school's CSV files: learners, attendance, exits (docs/imports.md).
   *
   * @return the import service
   */
  public ImportService imports() {
    return imports;
  }

  /**
   * Real projects for the neighbourhood: client organisations, projects, their delivery.
   *
   * @return the project service
   */
  public ProjectService projects() {
    return projects;
  }

  /**
   * The projects report: projects delivered, for whom, which competencies.
   *
   * @return the service
   */
  public ProjectsReportService projectsReport() {
    return projectsReport;
  }

  /**
   * The school's dashboard: each cohort's figures and the year's exits against the funders'
   * targets.
   *
   * @return the service
   */
  public DashboardService dashboard() {
    return dashboard;
  }

  /**
   * Core's transactions, for a module that writes its own tables in the same transaction as core
   * calls and runs its own migrations after core's (ADR 0005).
   *
   * @return the unit of work
   */
  public UnitOfWork transactions() {
    return database;
  }

  /**
   * Adds a module's personal data to every learner's export and erasure (the privacy office runs
   * the sections after core's, in the order added, inside its transaction). A section named like
   * one added before replaces it in place, so adding the same sections again changes nothing.
   *
   * @param section the personal-data section
   */
  public void addPersonalDataSection(PersonalDataSection section) {
    privacy.addSection(section);
  }

  /**
   * The relay that delivers stored events to the alert desk and to the consumers registered on it
   * (ADR 0006). Not started: a host calls {@code start()} once its consumers are registered.
   *
   * @return the relay that delivers stored events to the alert desk and to the consumers registered
   *     on it (ADR 0006)
   */
  public EventRelay relay() {
    return relay;
  }

  /**
   * Stops the event relay, waiting briefly for the delivery in flight (see {@link
   * EventRelay#close()}). The data source stays the caller's to close.
   */
  @Override
  public void close() {
    relay.close();
  }
}

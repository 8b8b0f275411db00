package org.tremplin.lti.roster;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.keys.ToolKeys;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.LaunchContext;
import org.tremplin.lti.launch.LaunchFixture;
import org.tremplin.lti.launch.ServiceClaims;
import org.tremplin.lti.registration.InMemoryRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.roles.RoleMapper;
import org.tremplin.lti.services.JdbiServiceEndpoints;
import org.tremplin.lti.services.ServiceTokens;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.PlatformServices;
import org.tremplin.testing.SimulatedLms;
import org.tremplin.testing.TestDatabase;

/**
 * A linked course with a roster at a fake platform (its token endpoint and NRPS on loopback), and a
 * tool on a fresh database: one school, one cohort (1 Sept 2025 – 30 June 2026) of the given
 * capacity, the time 6 Oct 2025 (the same as {@link LaunchFixture}'s), the registration {@link
 * LaunchFixture#ISSUER}/{@link LaunchFixture#CLIENT_ID} whose token URL is the fake's.
 */
final class RosterFixture implements AutoCloseable {
  static final String M = "http://purl.imsglobal.org/vocab/lis/v2/membership";
  static final String CONTEXT = "course-7";

  final MutableClock clock = new MutableClock(LaunchFixture.NOW);
  final ToolKeys tool = ToolKeys.generate();
  final SimulatedLms lms = new SimulatedLms("platform");
  final PlatformServices platform =
      new PlatformServices(lms, LaunchFixture.CLIENT_ID, tool::publicKeySet, clock);
  final PlatformRegistration registration =
      new PlatformRegistration(
          "Moodle",
          LaunchFixture.ISSUER,
          LaunchFixture.CLIENT_ID,
          URI.create("https://moodle.example.org/auth"),
          URI.create(platform.tokenUrl()),
          URI.create("https://moodle.example.org/jwks"),
          Set.of("dep-1"),
          false);
  final CourseContext course =
      new CourseContext(LaunchFixture.ISSUER, LaunchFixture.CLIENT_ID, "dep-1", CONTEXT);
  final DataSource dataSource;
  final Tremplin tremplin;
  final UnitOfWork work;
  final LtiDirectory directory;
  final JdbiServiceEndpoints endpoints;
  final ServiceTokens tokens;
  final RosterSync sync;
  final School school;
  final Cohort cohort;
  final Actor manager;

  RosterFixture(TestDatabase db, int capacity) {
    this(db.fresh(), capacity);
  }

  RosterFixture(DataSource dataSource, int capacity) {
    this.dataSource = dataSource;
    tremplin = Tremplin.create(dataSource, clock);
    work = LtiSchema.install(tremplin);
    directory = new LtiDirectory(work, clock);
    endpoints = new JdbiServiceEndpoints(work, clock);
    tokens = new ServiceTokens(tool, ServiceTokens.defaultClient(), clock);
    sync =
        new RosterSync(
            tremplin,
            directory,
            new InMemoryRegistrations(List.of(registration)),
            endpoints,
            new MembershipReader(tokens),
            new RoleMapper(),
            clock);
    Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());
    school = tremplin.schools().create(admin, "École du Web 92", new Departement("92"));
    manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    cohort =
        tremplin
            .cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo DWWM 2026",
                    new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                    new TemplateRef("ecole-du-web", 1),
                    capacity,
                    List.of()));
  }

  /** The course's roster at the platform. */
  PlatformServices.Course roster() {
    return platform.course(CONTEXT);
  }

  /** Links the course to the cohort. */
  RosterFixture linked() {
    directory.linkCourse(course, cohort.id(), "trainer-person");
    return this;
  }

  /** A launch from the course carrying the NRPS claim has been seen. */
  RosterFixture offered() {
    endpoints.remember(launch(claims()));
    return this;
  }

  /** The NRPS claim of the course's launches. */
  Map<String, Object> nrpsClaim() {
    return Map.of(
        ServiceClaims.NAMES_ROLE_SERVICE,
        Map.of(
            "context_memberships_url",
            roster().membershipsUrl(),
            "service_versions",
            List.of("2.0")));
  }

  ServiceClaims claims() {
    return ServiceClaims.read(nrpsClaim());
  }

  LaunchContext launch(ServiceClaims services) {
    return new LaunchContext(
        course.issuer(),
        course.clientId(),
        course.deploymentId(),
        false,
        "trainer-1",
        null,
        "LtiResourceLinkRequest",
        CONTEXT,
        "DWWM",
        "rl-1",
        List.of(M + "#Instructor"),
        List.of(),
        "https://tool.example.org/lti/launch",
        Map.of(),
        null,
        services);
  }

  RosterOutcome.Synced synced() {
    RosterOutcome outcome = sync.sync(course, RosterTrigger.ON_DEMAND);
    if (!(outcome instanceof RosterOutcome.Synced synced)) {
      throw new AssertionError("not synced: " + outcome);
    }
    return synced;
  }

  List<Enrolment> enrolments() {
    return tremplin.learners().enrolments(manager, cohort.id());
  }

  long enrolled() {
    return enrolments().stream().filter(Enrolment::active).count();
  }

  List<Learner> learnersOfSchool() {
    return work.read(
        h ->
            h
                .createQuery(
                    "select id from tremplin_learner where school_id = :s order by created_at")
                .bind("s", school.id().value())
                .mapTo(java.util.UUID.class)
                .list()
                .stream()
                .map(id -> tremplin.learners().get(manager, new org.tremplin.api.LearnerId(id)))
                .toList());
  }

  Enrolment enrolmentOf(String sub) {
    org.tremplin.api.LearnerId learner =
        directory
            .learnerOf(
                new org.tremplin.lti.identity.PlatformUser(course.issuer(), course.clientId(), sub))
            .orElseThrow();
    return tremplin.learners().enrolment(manager, cohort.id(), learner);
  }

  String memberStatus(String sub) {
    return work.read(
        h ->
            h.createQuery(
                    "select status from tremplin_lti_roster_member where context_id = :c and sub = :s")
                .bind("c", CONTEXT)
                .bind("s", sub)
                .mapTo(String.class)
                .one());
  }

  int rows(String table) {
    return work.read(
        h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Override
  public void close() {
    lms.close();
  }
}

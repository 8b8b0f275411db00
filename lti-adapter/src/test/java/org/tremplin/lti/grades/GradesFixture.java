package org.tremplin.lti.grades;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.time.Duration;
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
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.identity.PlatformUser;
import org.tremplin.lti.keys.JdbiToolKeys;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.LaunchContext;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.lti.launch.ServiceClaims;
import org.tremplin.lti.registration.InMemoryRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.services.JdbiServiceEndpoints;
import org.tremplin.lti.services.ServiceTokens;
import org.tremplin.testing.FakeGradebook;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.PlatformServices;
import org.tremplin.testing.SimulatedLms;

/**
 * A school, one cohort with three learners who have accounts on a platform whose course is linked
 * to the cohort (its launch carried the AGS claim), the platform's token endpoint ({@link
 * PlatformServices}) and gradebook ({@link FakeGradebook}) on loopback, and the grade publisher
 * registered with the outbox relay. Time is a {@link MutableClock}.
 */
final class GradesFixture implements AutoCloseable {
  static final String CLIENT = "tremplin-client";
  static final String COURSE = "42";
  static final String DEPLOYMENT = "7";
  static final Instant START = Instant.parse("2026-01-12T09:00:00.250Z");

  final MutableClock clock;
  final SimulatedLms lms = new SimulatedLms("platform-key");
  final JdbiToolKeys toolKeys;
  private volatile JWKSet toolJwks = new JWKSet();
  final PlatformServices services;
  final FakeGradebook gradebook;
  final PlatformRegistration registration;
  final Tremplin tremplin;
  final UnitOfWork database;
  final LtiDirectory directory;
  final JdbiServiceEndpoints endpoints;
  final JdbiGradeDeliveries deliveries;
  final ServiceTokens tokens;
  final AgsClient client;
  final GradePublisher publisher;
  final LmsGrades lmsGrades;
  final School school;
  final Cohort cohort;
  final List<Learner> learners;
  final Actor trainer;
  final Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());

  GradesFixture(DataSource ds) {
    this(ds, START);
  }

  /** The same with the clock starting there (a crash test starts it at the system's time). */
  GradesFixture(DataSource ds, Instant start) {
    clock = new MutableClock(start);
    services = new PlatformServices(lms, CLIENT, () -> toolJwks, clock);
    gradebook = new FakeGradebook(services);
    registration =
        new PlatformRegistration(
            "lms",
            lms.issuer(),
            CLIENT,
            URI.create(lms.url("/auth")),
            URI.create(services.tokenUrl()),
            URI.create(lms.url("/jwks")),
            Set.of(DEPLOYMENT),
            false);
    tremplin = Tremplin.create(ds, clock);
    database = LtiSchema.install(tremplin);
    directory = new LtiDirectory(database, clock);
    toolKeys = new JdbiToolKeys(database, clock); // in the database: every node signs with it
    try {
      toolJwks = JWKSet.parse(toolKeys.publicJwks());
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
    endpoints = new JdbiServiceEndpoints(database, clock);
    deliveries = new JdbiGradeDeliveries(database);
    tokens = new ServiceTokens(toolKeys, ServiceTokens.defaultClient(), clock);
    client = new AgsClient(tokens, clock);
    Gradebooks gradebooks =
        new LinkedCourseGradebooks(
            database, endpoints, new InMemoryRegistrations(List.of(registration)));
    publisher = new GradePublisher(deliveries, gradebooks, client, clock);
    lmsGrades = new LmsGrades(tremplin, deliveries, gradebooks, client, clock);
    tremplin.relay().register(publisher);
    school = tremplin.schools().create(admin, "École du Web 92", new Departement("92"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
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
                    12,
                    List.of()));
    trainer = Actor.of("trainer", Role.TRAINER, new Scope.OfCohort(school.id(), cohort.id()));
    directory.linkCourse(course(), cohort.id(), "trainer");
    launch(FakeGradebook.ALL_SCOPES);
    learners =
        List.of(
            learner(manager, "Ada", "sub-ada"),
            learner(manager, "Bob", "sub-bob"),
            learner(manager, "Chloé", "sub-chloe"));
  }

  private Learner learner(Actor manager, String name, String sub) {
    Learner l = tremplin.learners().register(manager, school.id(), name, "Martin");
    tremplin.learners().join(manager, cohort.id(), l.id(), LocalDate.of(2025, 9, 1));
    directory.linkLearner(new PlatformUser(lms.issuer(), CLIENT, sub), l.id());
    return l;
  }

  CourseContext course() {
    return new CourseContext(lms.issuer(), CLIENT, DEPLOYMENT, COURSE);
  }

  /** A launch from the course whose AGS claim grants these scopes (none: no AGS claim at all). */
  void launch(Set<String> scopes) {
    ServiceClaims claims =
        scopes.isEmpty()
            ? ServiceClaims.NONE
            : new ServiceClaims(
                null, List.of(), URI.create(gradebook.lineItemsUrl(COURSE)), null, scopes);
    endpoints.remember(
        new LaunchContext(
            lms.issuer(),
            CLIENT,
            DEPLOYMENT,
            false,
            "sub-trainer",
            null,
            LtiClaims.RESOURCE_LINK_REQUEST,
            COURSE,
            "DWWM",
            "link-1",
            List.of(),
            List.of(),
            "https://tool.example/lti/launch",
            Map.of(),
            null,
            claims));
  }

  /** A trainer placed this competency as a graded activity (deep linking response signed now). */
  void placed(String competency) {
    deliveries.placed(
        URI.create(gradebook.lineItemsUrl(COURSE)),
        List.of("competency:" + competency),
        clock.instant(),
        clock.instant().plus(GradePublisher.PLACED_WAIT));
  }

  /** A trainer's assessment of a learner (0, 1, 2) on a competency, recorded now. */
  Evidence assess(int learner, String competency, AssessmentResult result) {
    return tremplin
        .evidence()
        .record(
            trainer,
            cohort.id(),
            new NewEvidence(
                learners.get(learner).id(),
                new EvidenceTarget.OnCompetency(competency),
                EvidenceSource.TRAINER_ASSESSMENT,
                result,
                "Mme Durand",
                LocalDate.of(2026, 1, 12),
                ""));
  }

  int deliver() {
    return tremplin.relay().deliverDue();
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  /** Rows of a table. */
  int rows(String table) {
    return database.read(
        h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }

  @Override
  public void close() {
    tremplin.close();
    lms.close();
  }
}

package org.tremplin.lti.grades;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
import org.tremplin.lti.keys.ToolKeys;
import org.tremplin.testing.FakeGradebook;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.SimulatedLms;

/**
 * A school, one cohort with three learners who have accounts on a platform whose course is linked
 * to the cohort, the platform's gradebook ({@link FakeGradebook}) on loopback, and the grade
 * publisher registered with the cohort's outbox relay. Time is a {@link MutableClock}.
 */
final class GradesFixture implements AutoCloseable {
  static final String CLIENT = "tremplin-client";
  static final String COURSE = "42";
  static final Instant START = Instant.parse("2026-01-12T09:00:00.250Z");

  final MutableClock clock = new MutableClock(START);
  final SimulatedLms lms = new SimulatedLms("platform-key");
  final ToolKeys toolKeys = ToolKeys.generate();
  final FakeGradebook gradebook;
  final Tremplin tremplin;
  final UnitOfWork database;
  final LtiDirectory directory;
  final JdbiGradeDeliveries deliveries;
  final ClientCredentialsTokens tokens;
  final AgsClient client;
  final GradePublisher publisher;
  final LmsGrades lmsGrades;
  final School school;
  final Cohort cohort;
  final List<Learner> learners;
  final Actor trainer;
  final Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());
  volatile Set<String> scopes = FakeGradebook.ALL_SCOPES;
  volatile boolean linked = true;

  GradesFixture(DataSource ds) {
    gradebook = new FakeGradebook(lms, CLIENT, toolKeys::publicKeySet, clock);
    tremplin = Tremplin.create(ds, clock);
    database = LtiSchema.install(tremplin);
    directory = new LtiDirectory(database, clock);
    deliveries = new JdbiGradeDeliveries(database);
    tokens = new ClientCredentialsTokens(toolKeys, clock);
    client = new AgsClient(tokens, clock);
    Gradebooks gradebooks =
        c -> linked && c.equals(cohort().id()) ? Optional.of(course()) : Optional.empty();
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
    learners =
        List.of(
            learner(manager, "Ada", "sub-ada"),
            learner(manager, "Bob", "sub-bob"),
            learner(manager, "Chloé", "sub-chloe"));
  }

  private Cohort cohort() {
    return cohort;
  }

  private Learner learner(Actor manager, String name, String sub) {
    Learner l = tremplin.learners().register(manager, school.id(), name, "Martin");
    tremplin.learners().join(manager, cohort.id(), l.id(), LocalDate.of(2025, 9, 1));
    directory.linkLearner(new PlatformUser(lms.issuer(), CLIENT, sub), l.id());
    return l;
  }

  CourseGradebook course() {
    return new CourseGradebook(
        lms.issuer(),
        CLIENT,
        URI.create(gradebook.tokenUrl()),
        URI.create(gradebook.lineItemsUrl(COURSE)),
        scopes);
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

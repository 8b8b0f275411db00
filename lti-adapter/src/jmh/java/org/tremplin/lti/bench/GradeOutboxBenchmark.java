package org.tremplin.lti.bench;

import com.nimbusds.jose.jwk.JWKSet;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.evidence.AssessmentResult;
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
import org.tremplin.lti.grades.AgsClient;
import org.tremplin.lti.grades.GradePublisher;
import org.tremplin.lti.grades.JdbiGradeDeliveries;
import org.tremplin.lti.grades.LinkedCourseGradebooks;
import org.tremplin.lti.grades.ScoreCounts;
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
import org.tremplin.testing.TestDatabase;

/**
 * Grades through the outbox at volume (issue 11, item 9, AGS half): {@value #SCORES} assessments
 * are recorded (not measured), then one measured operation delivers them all — the relay hands each
 * event to the {@link GradePublisher}, which posts the score over HTTP to a {@link FakeGradebook}
 * on loopback — until every score is accepted. Scores per second = {@value #SCORES} / the time of
 * one operation. On PostgreSQL (embedded) behind a HikariCP pool of 4. The tear-down prints the
 * token requests (one per scope set for the token's lifetime) and the heap after a GC before the
 * first and after the last operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// TCP_NODELAY on the fake's JDK HttpServer, as any real web server sets it: without it each answer
// waits ~40 ms for a delayed ACK (Nagle), and the benchmark measures that instead of Tremplin.
@Fork(
    value = 1,
    jvmArgs = {"-Xmx512m", "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class GradeOutboxBenchmark {
  /** Scores delivered by one operation. */
  public static final int SCORES = 10_000;

  private static final String CLIENT = "bench-client";
  private static final String COURSE = "42";
  private static final List<String> COMPETENCIES =
      List.of("CP1", "CP2", "CP3", "CP4", "CP5", "CP6", "CP7", "CP8");

  private SimulatedLms lms;
  private FakeGradebook gradebook;
  private HikariDataSource pool;
  private Tremplin tremplin;
  private JdbiGradeDeliveries deliveries;
  private MutableClock clock;
  private Cohort cohort;
  private List<Learner> learners;
  private Actor trainer;
  private UnitOfWork database;
  private long heapBefore = -1;
  private int sentBefore;
  private long started;
  private volatile JWKSet toolJwks = new JWKSet();

  /** The platform, the database, the school, the linked course and the publisher. */
  @Setup(Level.Trial)
  public void trial() throws ParseException {
    clock = new MutableClock(Instant.parse("2026-01-12T09:00:00Z"));
    lms = new SimulatedLms("bench-platform");
    PlatformServices services = new PlatformServices(lms, CLIENT, () -> toolJwks, clock);
    gradebook = new FakeGradebook(services);
    gradebook.countOnly(); // the heap measured below is then Tremplin's, not the fake's
    HikariConfig config = new HikariConfig();
    config.setDataSource(TestDatabase.POSTGRES.fresh());
    config.setPoolName("grades");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(4);
    pool = new HikariDataSource(config);
    tremplin = Tremplin.create(pool, clock);
    database = LtiSchema.install(tremplin);
    JdbiToolKeys keys = new JdbiToolKeys(database, clock);
    toolJwks = JWKSet.parse(keys.publicJwks());
    PlatformRegistration registration =
        new PlatformRegistration(
            "lms",
            lms.issuer(),
            CLIENT,
            URI.create(lms.url("/auth")),
            URI.create(services.tokenUrl()),
            URI.create(lms.url("/jwks")),
            Set.of("1"),
            false);
    JdbiServiceEndpoints endpoints = new JdbiServiceEndpoints(database, clock);
    deliveries = new JdbiGradeDeliveries(database);
    tremplin
        .relay()
        .register(
            new GradePublisher(
                deliveries,
                new LinkedCourseGradebooks(
                    database, endpoints, new InMemoryRegistrations(List.of(registration))),
                new AgsClient(new ServiceTokens(keys, ServiceTokens.defaultClient(), clock), clock),
                clock));
    Actor admin = Actor.of("admin", Role.ADMIN, new org.tremplin.api.access.Scope.Network());
    School school = tremplin.schools().create(admin, "École du Web 92", new Departement("92"));
    Actor manager =
        Actor.of("manager", Role.MANAGER, new org.tremplin.api.access.Scope.OfSchool(school.id()));
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
                    24,
                    List.of()));
    trainer =
        Actor.of(
            "trainer",
            Role.TRAINER,
            new org.tremplin.api.access.Scope.OfCohort(school.id(), cohort.id()));
    LtiDirectory directory = new LtiDirectory(database, clock);
    CourseContext course = new CourseContext(lms.issuer(), CLIENT, "1", COURSE);
    directory.linkCourse(course, cohort.id(), "trainer");
    endpoints.remember(
        new LaunchContext(
            lms.issuer(),
            CLIENT,
            "1",
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
            new ServiceClaims(
                null,
                List.of(),
                URI.create(gradebook.lineItemsUrl(COURSE)),
                null,
                FakeGradebook.ALL_SCOPES)));
    learners = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Learner l = tremplin.learners().register(manager, school.id(), "Learner" + i, "Bench");
      tremplin.learners().join(manager, cohort.id(), l.id(), LocalDate.of(2025, 9, 1));
      directory.linkLearner(new PlatformUser(lms.issuer(), CLIENT, "sub-" + i), l.id());
      learners.add(l);
    }
  }

  /**
   * Records {@value #SCORES} assessments (24 learners × 8 competencies per round, a round every 1.1
   * s of the clock, so a lane's scores are a second apart as a real gradebook needs), in one
   * transaction to keep the set-up short.
   */
  @Setup(Level.Iteration)
  public void assessments() {
    if (heapBefore < 0) {
      heapBefore = usedHeapAfterGc();
    }
    sentBefore = deliveries.counts(cohort.id()).sent();
    database.inTransaction(
        h -> {
          record();
          return null;
        });
  }

  private void record() {
    AssessmentResult[] results = AssessmentResult.values();
    int n = 0;
    while (n < SCORES) {
      for (Learner l : learners) {
        for (String competency : COMPETENCIES) {
          if (n == SCORES) {
            break;
          }
          tremplin
              .evidence()
              .record(
                  trainer,
                  cohort.id(),
                  new NewEvidence(
                      l.id(),
                      new EvidenceTarget.OnCompetency(competency),
                      EvidenceSource.TRAINER_ASSESSMENT,
                      results[n % results.length],
                      "Bench",
                      LocalDate.of(2026, 1, 12),
                      ""));
          n++;
        }
      }
      clock.advance(Duration.ofMillis(1100));
    }
  }

  /**
   * Delivers every stored event: {@value #SCORES} scores over HTTP, in order per lane. A delivery
   * that failed (a timeout on a loaded machine) waits for its retry: the clock jumps past the
   * backoff, as time would pass, until no score is waiting.
   */
  @Benchmark
  public int deliverAll() {
    started = System.nanoTime();
    int delivered = tremplin.relay().deliverDue();
    while (deliveries.counts(cohort.id()).waiting() > 0) {
      clock.advance(Duration.ofMinutes(10));
      delivered += tremplin.relay().deliverDue();
    }
    return delivered;
  }

  /** Checks that every score arrived. */
  @TearDown(Level.Iteration)
  public void check() {
    long nanos = System.nanoTime() - started;
    ScoreCounts counts = deliveries.counts(cohort.id());
    System.out.printf(
        "%ngrades: this operation delivered %d scores in %.1f s: %.0f scores/s; heap after GC"
            + " %.1f MiB%n",
        counts.sent() - sentBefore,
        nanos / 1e9,
        (counts.sent() - sentBefore) / (nanos / 1e9),
        usedHeapAfterGc() / 1048576.0);
    if (counts.sent() - sentBefore != SCORES || counts.waiting() != 0) {
      throw new IllegalStateException("not every score was sent: " + counts);
    }
  }

  /** Prints the token requests and the heap, then stops everything. */
  @TearDown(Level.Trial)
  public void stop() {
    long heapAfter = usedHeapAfterGc();
    System.out.printf(
        "%ngrades: %d scores received, %d token request(s), %d violation(s); heap after GC"
            + " %.1f MiB before the first operation, %.1f MiB after the last%n",
        gradebook.accepted(),
        gradebook.tokenRequests(),
        gradebook.violations().size(),
        heapBefore / 1048576.0,
        heapAfter / 1048576.0);
    tremplin.close();
    pool.close();
    lms.close();
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}

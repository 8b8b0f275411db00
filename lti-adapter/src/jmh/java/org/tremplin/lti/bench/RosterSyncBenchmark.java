package org.tremplin.lti.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tremplin.api.CohortId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.NewCohort;
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
import org.tremplin.lti.launch.ServiceClaims;
import org.tremplin.lti.registration.InMemoryRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.roles.RoleMapper;
import org.tremplin.lti.roster.MembershipReader;
import org.tremplin.lti.roster.RosterOutcome;
import org.tremplin.lti.roster.RosterSync;
import org.tremplin.lti.roster.RosterTrigger;
import org.tremplin.lti.services.JdbiServiceEndpoints;
import org.tremplin.lti.services.ServiceTokens;
import org.tremplin.testing.PlatformServices;
import org.tremplin.testing.SimulatedLms;
import org.tremplin.testing.TestDatabase;

/**
 * A roster of {@value #MEMBERS} members synced (issue 11 item 9: target ≤ 2 s), against the fake
 * platform on loopback (token endpoint and NRPS, pages of 50 as Canvas), on H2 and PostgreSQL:
 *
 * <ul>
 *   <li>{@code firstSync}: a course just linked to an empty cohort (capacity 24): the token (cached
 *       after the first invocation, as in production), every page read, {@value #MEMBERS} learner
 *       records created and linked, 24 joined, the rest left out, every member row written, one
 *       transaction. Each invocation has a course and a cohort of its own, members never seen.
 *   <li>{@code resync}: the same roster read and applied again (nothing changes: the steady state
 *       of trainer launches).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class RosterSyncBenchmark {
  /** Members of the roster. */
  public static final int MEMBERS = 500;

  private static final String CLIENT = "bench-client";

  @Param({"H2", "POSTGRES"})
  public String db;

  private final ToolKeys tool = ToolKeys.generate();
  private SimulatedLms lms;
  private PlatformServices platform;
  private Tremplin tremplin;
  private LtiDirectory directory;
  private JdbiServiceEndpoints endpoints;
  private RosterSync sync;
  private School school;
  private Actor manager;
  private CourseContext steady;
  private CourseContext fresh;
  private int courses;

  /** The platform, the database, and the steady course (synced once). */
  @Setup(Level.Trial)
  public void start() {
    Clock clock = Clock.fixed(Instant.parse("2025-10-06T08:00:00Z"), ZoneOffset.UTC);
    lms = new SimulatedLms("bench-platform");
    platform = new PlatformServices(lms, CLIENT, tool::publicKeySet, clock);
    DataSource dataSource = TestDatabase.valueOf(db).fresh();
    tremplin = Tremplin.create(dataSource, clock);
    UnitOfWork work = LtiSchema.install(tremplin);
    directory = new LtiDirectory(work, clock);
    endpoints = new JdbiServiceEndpoints(work, clock);
    PlatformRegistration registration =
        new PlatformRegistration(
            "bench",
            lms.issuer(),
            CLIENT,
            URI.create(lms.url("/auth")),
            URI.create(platform.tokenUrl()),
            URI.create(lms.url("/jwks")),
            Set.of("1"),
            false);
    sync =
        new RosterSync(
            tremplin,
            directory,
            new InMemoryRegistrations(List.of(registration)),
            endpoints,
            new MembershipReader(new ServiceTokens(tool, ServiceTokens.defaultClient(), clock)),
            new RoleMapper(),
            clock);
    Actor admin = Actor.of("admin", Role.ADMIN, new org.tremplin.api.access.Scope.Network());
    school = tremplin.schools().create(admin, "École du Web 93", new Departement("93"));
    manager =
        Actor.of("manager", Role.MANAGER, new org.tremplin.api.access.Scope.OfSchool(school.id()));
    steady = course();
    check(sync.sync(steady, RosterTrigger.LINKED));
  }

  /** A course of its own, linked to a new cohort, its roster of members never seen. */
  @Setup(Level.Invocation)
  public void freshCourse() {
    fresh = course();
  }

  private CourseContext course() {
    String id = "course-" + ++courses;
    CourseContext course = new CourseContext(lms.issuer(), CLIENT, "1", id);
    CohortId cohort =
        tremplin
            .cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo " + id,
                    new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                    new TemplateRef("ecole-du-web", 1),
                    24,
                    List.of()))
            .id();
    directory.linkCourse(course, cohort, "bench");
    PlatformServices.Course roster = platform.course(id).pageSize(50);
    for (int i = 0; i < MEMBERS; i++) {
      roster.add(
          PlatformServices.Member.learner(
              id + "-u" + i, "Prénom" + i, "Nom" + i, id + "-u" + i + "@example.org"));
    }
    endpoints.remember(
        new LaunchContext(
            lms.issuer(),
            CLIENT,
            "1",
            false,
            "trainer",
            null,
            "LtiResourceLinkRequest",
            id,
            "Course",
            "rl",
            List.of(),
            List.of(),
            "https://tool/lti/launch",
            Map.of(),
            null,
            ServiceClaims.read(
                Map.of(
                    ServiceClaims.NAMES_ROLE_SERVICE,
                    Map.of("context_memberships_url", roster.membershipsUrl())))));
    return course;
  }

  /** Stops the platform. */
  @TearDown(Level.Trial)
  public void stop() {
    lms.close();
    tremplin.close();
  }

  /** A course's first sync: 500 learners created, 24 joined. */
  @Benchmark
  public RosterOutcome firstSync() {
    return check(sync.sync(fresh, RosterTrigger.LINKED));
  }

  /** The same roster again: read and compared, nothing changes. */
  @Benchmark
  public RosterOutcome resync() {
    return check(sync.sync(steady, RosterTrigger.TRAINER_LAUNCH));
  }

  private static RosterOutcome check(RosterOutcome outcome) {
    if (!(outcome instanceof RosterOutcome.Synced synced) || synced.members() != MEMBERS) {
      throw new IllegalStateException("not synced: " + outcome);
    }
    return outcome;
  }
}

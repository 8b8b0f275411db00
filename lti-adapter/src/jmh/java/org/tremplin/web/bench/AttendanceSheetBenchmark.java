package org.tremplin.web.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
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
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.keys.JdbiToolKeys;
import org.tremplin.lti.session.AppSession;
import org.tremplin.web.attendance.AttendanceResource;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.WebSchema;
import org.tremplin.web.page.ScriptResource;
import org.tremplin.web.page.StylesheetResource;
import org.tremplin.web.session.RequestSession;

/**
 * The trainer's attendance sheet, server-side ({@code GET /app/attendance}: session's cohort,
 * calendar, enrolments, names, the week's records, the page rendered), as percentiles ({@code
 * SampleTime}: the p95 is the figure to hold against the 50 ms).
 *
 * <p>Data: one school (92), a cohort 2025-09-01 → 2026-06-30 on {@code ecole-du-web} with {@code
 * learners} learners who joined on the first day, every half-day recorded from the start up to the
 * day before the clock (Tuesday 2026-03-10 09:30 in Paris): about 6,000 records for 24 learners.
 * {@link #today} is the morning's sheet, not recorded yet (a control per learner); {@link
 * #recordedYesterday} is Monday's recorded morning (marks and correction links). In-memory H2 (the
 * one-node default) behind a HikariCP pool of 4.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class AttendanceSheetBenchmark {
  private static final Instant NOW = Instant.parse("2026-03-10T08:30:00Z");
  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** How many learners the cohort has (the demo has 12; 24 is a cohort's most). */
  @org.openjdk.jmh.annotations.Param({"12", "24"})
  public int learners = 24;

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private @Nullable HikariDataSource pool;
  private @Nullable AttendanceResource resource;
  private @Nullable SecurityContext trainer;

  /** Builds the data set and checks both pages answer 200. */
  @Setup(Level.Trial)
  public void setUp() {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(
        Tremplin.jdbcUrl("jdbc:h2:mem:sheet" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1"));
    hikari.setUsername("sa");
    hikari.setPassword("");
    hikari.setMaximumPoolSize(4);
    pool = new HikariDataSource(hikari);
    Tremplin tremplin = Tremplin.create(pool, clock);
    UnitOfWork work = LtiSchema.install(tremplin);
    FormGuard forms =
        new FormGuard(new JdbiToolKeys(work, clock), WebSchema.install(tremplin), clock);
    resource =
        new AttendanceResource(tremplin, forms, clock, URI.create("https://tool.example.org/"));

    School school =
        tremplin
            .schools()
            .create(
                Actor.of("admin", Role.ADMIN, new org.tremplin.api.access.Scope.Network()),
                "École du Web 92",
                new Departement("92"));
    Actor manager =
        Actor.of("manager", Role.MANAGER, new org.tremplin.api.access.Scope.OfSchool(school.id()));
    Cohort cohort =
        tremplin
            .cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo DWWM",
                    new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                    new TemplateRef("ecole-du-web", 1),
                    24,
                    List.of()));
    List<Learner> enrolled = new ArrayList<>();
    for (int i = 0; i < learners; i++) {
      Learner l = tremplin.learners().register(manager, school.id(), "Prénom" + i, "Nom" + i);
      tremplin.learners().join(manager, cohort.id(), l.id(), cohort.range().first());
      enrolled.add(l);
    }
    List<AttendanceEntry> entries = new ArrayList<>();
    Mark[] spread = {
      Mark.PRESENT, Mark.PRESENT, Mark.PRESENT, Mark.PRESENT, Mark.ABSENT_UNJUSTIFIED
    };
    int n = 0;
    for (LocalDate day :
        tremplin
            .cohorts()
            .calendar(manager, cohort.id())
            .workingDaysIn(new DateRange(cohort.range().first(), LocalDate.of(2026, 3, 9)))) {
      for (HalfDay h : List.of(HalfDay.am(day), HalfDay.pm(day))) {
        for (Learner l : enrolled) {
          entries.add(new AttendanceEntry(l.id(), h, AttendanceMark.of(spread[n++ % 5])));
        }
      }
    }
    tremplin.attendance().recordAll(manager, cohort.id(), entries);

    AppSession session =
        new AppSession(
            "trainer-1",
            "Camille Formatrice",
            List.of(
                new Grant(
                    Role.TRAINER,
                    new org.tremplin.api.access.Scope.OfCohort(school.id(), cohort.id()))),
            cohort.id(),
            null,
            Locale.FRENCH,
            NOW.plusSeconds(3600));
    trainer = new Security(new RequestSession("t".repeat(43), session));
    for (Response r : List.of(today(), recordedYesterday())) {
      if (r.getStatus() != 200) {
        throw new IllegalStateException(
            "the sheet answers " + r.getStatus() + ": " + r.getEntity());
      }
    }
    int today = String.valueOf(today().getEntity()).getBytes(StandardCharsets.UTF_8).length;
    int recorded =
        String.valueOf(recordedYesterday().getEntity()).getBytes(StandardCharsets.UTF_8).length;
    int css = ((byte[]) new StylesheetResource().stylesheet().getEntity()).length;
    ScriptResource scripts = new ScriptResource();
    int js =
        ((byte[]) scripts.script("attendance-sheet.js").getEntity()).length
            + ((byte[]) scripts.script("form-errors.js").getEntity()).length;
    System.out.printf(
        "%n[sheet] %d learners: today %,d bytes, recorded %,d bytes (HTML, uncompressed);"
            + " stylesheet %,d bytes, scripts %,d bytes%n",
        learners, today, recorded, css, js);
  }

  /** Closes the pool. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (pool != null) {
      pool.close();
    }
  }

  /** Today's morning sheet, not recorded yet: a control per learner. */
  @Benchmark
  public Response today() {
    return resource().sheet(null, null, security());
  }

  /** Yesterday's recorded morning: each learner's mark and its correction link. */
  @Benchmark
  public Response recordedYesterday() {
    return resource().sheet("2026-03-09", "AM", security());
  }

  private AttendanceResource resource() {
    AttendanceResource r = resource;
    if (r == null) {
      throw new IllegalStateException("not set up");
    }
    return r;
  }

  private SecurityContext security() {
    SecurityContext s = trainer;
    if (s == null) {
      throw new IllegalStateException("not set up");
    }
    return s;
  }

  /** The request's security context as the session filter leaves it. */
  private record Security(RequestSession principal) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return Role.TRAINER.name().equals(role);
    }

    @Override
    public boolean isSecure() {
      return true;
    }

    @Override
    public String getAuthenticationScheme() {
      return "TREMPLIN_SESSION";
    }
  }
}

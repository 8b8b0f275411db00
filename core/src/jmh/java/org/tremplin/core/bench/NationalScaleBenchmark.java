package org.tremplin.core.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.tremplin.api.CohortId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.report.ReportScope;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.dataset.DatasetShape;
import org.tremplin.core.dataset.DatasetSize;
import org.tremplin.core.dataset.DatasetSummary;
import org.tremplin.core.dataset.SyntheticDataset;

/**
 * The national-scale load driver (issue 14, item 7): generates the {@code national} data set on an
 * embedded PostgreSQL, then times the read-side reports on it and prints a table. Not JMH (one
 * generation takes minutes, and the reports are timed as p50/p95 over many calls), but built and
 * run like the JMH benchmarks, with the {@code bench} profile:
 *
 * <pre>
 * mvn -B -pl core -am -Pbench -DskipTests verify \
 *   -Dbench.main=org.tremplin.core.bench.NationalScaleBenchmark -Djmh.args=
 * </pre>
 *
 * <p>System properties: {@code bench.size} (demo, network, national; national by default), {@code
 * bench.seed} (2026), {@code bench.pgdata} (a data directory to keep the database in and reuse on
 * the next run, which then skips the generation), {@code bench.calls} (timed calls per report,
 * 100), {@code bench.warmup} (warm-up calls before each report's timed calls, 10), {@code
 * bench.only} (which reports to time, comma-separated among {@code review}, {@code dashboard},
 * {@code gen}, {@code network}; all by default), {@code bench.explain} (a file of SQL
 * statements separated by blank lines, each shown with {@code EXPLAIN (ANALYZE, BUFFERS)} on the
 * data set).
 */
public final class NationalScaleBenchmark {
  private static final Actor OPERATOR = Actor.of("bench", Role.ADMIN, new Scope.Network());

  private NationalScaleBenchmark() {}

  /**
   * Runs the driver.
   *
   * @param args unused
   * @throws Exception when the database cannot be started
   */
  public static void main(String[] args) throws Exception {
    DatasetSize size =
        DatasetSize.valueOf(System.getProperty("bench.size", "national").toUpperCase(Locale.ROOT));
    long seed = Long.parseLong(System.getProperty("bench.seed", "2026"));
    int calls = Integer.parseInt(System.getProperty("bench.calls", "100"));
    String pgdata = System.getProperty("bench.pgdata", "");
    List<String[]> table = new ArrayList<>();
    String loadBefore = loadAverage();

    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (!pgdata.isEmpty()) {
      builder.setDataDirectory(Path.of(pgdata)).setCleanDataDirectory(false);
    }
    try (EmbeddedPostgres pg = builder.start()) {
      DataSource database = pg.getPostgresDatabase();
      HikariDataSource pool = (HikariDataSource) Connections.POOLED.over(database);
      Tremplin tremplin =
          Tremplin.create(
              pool, Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneId.of("Europe/Paris")));
      boolean present =
          tremplin.schools().list().stream()
              .anyMatch(s -> s.id().value().equals(SyntheticDataset.firstSchoolId(seed)));
      if (!present) {
        DatasetShape shape = DatasetShape.of(size);
        long javaCpu = javaCpuNanos();
        long backendCpu = backendCpuTicks(pool);
        long start = System.nanoTime();
        long[] lastPrint = {start};
        DatasetSummary summary =
            SyntheticDataset.on(tremplin)
                .generate(
                    shape,
                    seed,
                    (done, total, rows) -> {
                      long now = System.nanoTime();
                      if (now - lastPrint[0] > 15_000_000_000L || done == total) {
                        lastPrint[0] = now;
                        System.out.printf(
                            "  %d/%d cohorts, %,d rows, %s%n",
                            done, total, rows, seconds(now - start));
                      }
                    });
        long took = System.nanoTime() - start;
        double javaSeconds = (javaCpuNanos() - javaCpu) / 1e9;
        double backendSeconds = (backendCpuTicks(pool) - backendCpu) / 100.0;
        System.out.println("Generated: " + summary);
        table.add(
            row(
                "generate " + size.name().toLowerCase(Locale.ROOT) + " (seed " + seed + ")",
                String.format(
                    "%s; %,d rows (%,d marks), %,.0f rows/s",
                    seconds(took),
                    summary.rows(),
                    summary.attendanceMarks(),
                    summary.rows() / (took / 1e9)),
                "≤ 600 s",
                took <= Duration.ofMinutes(10).toNanos() ? "met" : "not met"));
        table.add(
            row(
                "CPU time of the generation",
                String.format(
                    "Java %.0f s, PostgreSQL backends %.0f s (of %s elapsed)",
                    javaSeconds, backendSeconds, seconds(took)),
                "",
                ""));
        long analyse = System.nanoTime();
        try (Connection c = pool.getConnection();
            Statement s = c.createStatement()) {
          // as after any bulk load: statistics, and the visibility map and hint bits set once
          // rather than by the first readers (and autovacuum) during the timed calls
          s.execute("vacuum (analyze)");
        }
        table.add(
            row("vacuum (analyze) after generating", seconds(System.nanoTime() - analyse), "", ""));
      } else {
        System.out.println("Reusing the data set of seed " + seed + " in " + pgdata);
      }
      table.add(row("rows", counts(pool), "", ""));

      List<School> schools = tremplin.schools().list();
      List<String> only =
          Arrays.asList(
              System.getProperty("bench.only", "review,dashboard,gen,network").split(","));
      if (only.contains("review")) {
        table.add(yearlyReview(tremplin, pool, schools, calls));
      }
      if (only.contains("dashboard")) {
        table.add(cohortDashboard(pool, cohorts(pool), calls));
      }
      int few = Math.max(3, calls / 10);
      if (only.contains("gen")) {
        table.add(genIndicators(tremplin, pool, 2025, few));
        table.add(genIndicators(tremplin, pool, 2026, few));
      }
      if (only.contains("network")) {
        table.add(networkView(tremplin, pool, few));
      }

      String explain = System.getProperty("bench.explain", "");
      if (!explain.isEmpty()) {
        explain(pool, Path.of(explain), schools.get(0));
      }
      pool.close();
    }
    String loadAfter = loadAverage();
    System.out.println();
    System.out.println(
        "Machine: "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs, Java "
            + System.getProperty("java.version")
            + "; load average before: "
            + loadBefore
            + ", after: "
            + loadAfter);
    System.out.println();
    System.out.println("| Measure | Result | Target | Met? |");
    System.out.println("|---|---|---|---|");
    for (String[] r : table) {
      System.out.println("| " + String.join(" | ", r) + " |");
    }
  }

  /** A school's yearly review (2026), over the schools in turn: p50, p95, max. */
  private static String[] yearlyReview(
      Tremplin tremplin, DataSource database, List<School> schools, int calls) throws Exception {
    return timed(
        database,
        "school's yearly review 2026",
        calls,
        i ->
            tremplin
                .reports()
                .yearlyReview(OPERATOR, schools.get((i * 7) % schools.size()).id(), 2026),
        "≤ 300 ms",
        300);
  }

  /**
   * A cohort's dashboard figures ({@code dashboard().figures}), over the cohorts in turn, on a
   * Tremplin whose clock is mid-year (16 March 2026, so the last four weeks have marks).
   */
  private static String[] cohortDashboard(DataSource database, List<CohortId> cohorts, int calls)
      throws Exception {
    Tremplin midYear =
        Tremplin.create(
            database,
            Clock.fixed(Instant.parse("2026-03-16T11:00:00Z"), ZoneId.of("Europe/Paris")));
    return timed(
        database,
        "cohort's dashboard figures on 16 March 2026",
        calls,
        i -> midYear.dashboard().figures(OPERATOR, cohorts.get((i * 37) % cohorts.size())),
        "p95 ≤ 50 ms",
        50);
  }

  /** The national GEN indicators of a year ({@code reports().genIndicators}, whole network). */
  private static String[] genIndicators(Tremplin tremplin, DataSource database, int year, int calls)
      throws Exception {
    return timed(
        database,
        "national GEN indicators " + year,
        calls,
        i -> tremplin.reports().genIndicators(OPERATOR, new ReportScope.Network(), year),
        "≤ 2 s",
        2000);
  }

  /** The network view of 2026 ({@code reports().networkView}: every school side by side). */
  private static String[] networkView(Tremplin tremplin, DataSource database, int calls)
      throws Exception {
    return timed(
        database,
        "network view 2026 (100 schools)",
        calls,
        i -> tremplin.reports().networkView(OPERATOR, 2026),
        "",
        Long.MAX_VALUE / 1_000_000L);
  }

  private static List<CohortId> cohorts(DataSource database) throws Exception {
    List<CohortId> ids = new ArrayList<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select id from tremplin_cohort order by id")) {
      while (rs.next()) {
        ids.add(new CohortId(rs.getObject(1, java.util.UUID.class)));
      }
    }
    return ids;
  }

  /**
   * Calls {@code call} {@code calls} times after the warm-up calls ({@code bench.warmup}, 10; index
   * 0, 1...): p50, p95 and max wall time, and the CPU time per call of this JVM, of the calling
   * thread alone, and of the PostgreSQL backends (parallel query workers, which end with their
   * query, are not counted). Met when p95 is within the target.
   */
  private static String[] timed(
      DataSource database,
      String name,
      int calls,
      java.util.function.IntConsumer call,
      String target,
      long targetMillis)
      throws Exception {
    int warmup = Integer.getInteger("bench.warmup", 10);
    for (int i = 0; i < Math.min(warmup, calls); i++) {
      call.accept(i);
    }
    long java = javaCpuNanos();
    long thread = threadCpuNanos();
    long backend = backendCpuTicks(database);
    long[] times = new long[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      call.accept(i);
      times[i] = System.nanoTime() - start;
    }
    double javaMs = (javaCpuNanos() - java) / 1e6 / calls;
    double threadMs = (threadCpuNanos() - thread) / 1e6 / calls;
    double backendMs = (backendCpuTicks(database) - backend) * 10.0 / calls;
    return row(
        name + " (" + calls + " calls)",
        percentiles(times)
            + String.format(
                "; CPU per call: Java %.0f ms (the calling thread %.1f ms), PostgreSQL %.0f ms",
                javaMs, threadMs, backendMs),
        target,
        target.isEmpty()
            ? ""
            : percentile(times, 95) <= targetMillis * 1_000_000L ? "met" : "not met");
  }

  /**
   * CPU time of the calling thread: the calls' own work, without the JIT compiler's and the garbage
   * collector's threads, which the JVM's total includes.
   */
  private static long threadCpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** CPU time of this JVM. */
  private static long javaCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU time (in clock ticks, 1/100 s) of the server processes serving this database's connections,
   * read from /proc: what the machine's load does not change. Client backends only: an autovacuum
   * worker that starts during the calls (e.g. on a data set just written) would otherwise add its
   * whole time to them.
   */
  private static long backendCpuTicks(DataSource database) throws Exception {
    long ticks = 0;
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select pid from pg_stat_activity where datname = current_database()"
                    + " and backend_type = 'client backend'")) {
      while (rs.next()) {
        Path stat = Path.of("/proc", String.valueOf(rs.getInt(1)), "stat");
        if (Files.exists(stat)) {
          String text = Files.readString(stat);
          String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
      }
    }
    return ticks;
  }

  private static String counts(DataSource database) throws Exception {
    List<String> parts = new ArrayList<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      for (String t :
          List.of(
              "tremplin_school",
              "tremplin_cohort",
              "tremplin_learner",
              "tremplin_attendance",
              "tremplin_evidence",
              "tremplin_coaching_meeting",
              "tremplin_exit")) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + t)) {
          rs.next();
          parts.add(String.format("%s %,d", t.substring("tremplin_".length()), rs.getLong(1)));
        }
      }
    }
    return String.join(", ", parts);
  }

  private static void explain(DataSource database, Path file, School school) throws Exception {
    String[] statements = Files.readString(file).split("\\n\\s*\\n");
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        if (sql.isBlank()) {
          continue;
        }
        String bound = sql.replace(":school", "'" + school.id().value() + "'");
        System.out.println("\n== " + bound.strip());
        try (ResultSet rs = s.executeQuery("explain (analyze, buffers) " + bound)) {
          while (rs.next()) {
            System.out.println(rs.getString(1));
          }
        }
      }
    }
  }

  private static String percentiles(long[] nanos) {
    return String.format(
        "p50 %.1f ms, p95 %.1f ms, max %.1f ms",
        percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, percentile(nanos, 100) / 1e6);
  }

  private static long percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String seconds(long nanos) {
    return String.format("%.1f s", nanos / 1e9);
  }

  private static String[] row(String... cells) {
    return cells;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}

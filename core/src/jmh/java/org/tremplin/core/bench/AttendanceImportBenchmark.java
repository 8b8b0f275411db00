package org.tremplin.core.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.TimeUnit;
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
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.imports.ImportReport;

/**
 * A school's year of attendance imported from one CSV file (long shape) on PostgreSQL: 53 full
 * cohorts of 24 learners over 1 Sept 2025 – 30 June 2026, every working half-day marked: 1,272
 * learners × 402 half-days = 511,344 marks (15.5 MB) in one {@code imports().importAttendance} call
 * (one transaction). The school, cohorts and learners are set up once per trial (learners imported
 * too); {@code FIRST} empties the attendance table before each iteration, so every mark is new;
 * {@code AGAIN} imports a file already imported (every mark unchanged, nothing written). {@code
 * writer} forces how the marks are written (COPY is the default on pgjdbc). After each iteration it
 * prints the wall-clock throughput and the CPU it took, the benchmark JVM's and the PostgreSQL
 * server's (its processes' user + system time from /proc), since on a shared machine the wall clock
 * mostly measures the other builds. Target: ≥ 50,000 marks/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class AttendanceImportBenchmark {
  /** Cohorts in the file. */
  static final int COHORTS = 53;

  /** "Now": the cohorts' last day, evening. */
  static final Instant NOW = Instant.parse("2026-06-30T18:00:00Z");

  /** First time, or the same file again. */
  @Param({"FIRST", "AGAIN"})
  public String run;

  /**
   * How the marks are written: COPY (binary format), COPY_TEXT, UNNEST (insert from arrays), BATCH
   * (JDBC batch).
   */
  @Param({"COPY"})
  public String writer;

  private BenchSchool school;
  private byte[] file;
  private int marks;
  private long wall;
  private long jvmCpu;
  private long serverCpu;
  private int postmaster;

  /** A fresh database with the school, its cohorts and learners (imported), and the year's file. */
  @Setup(Level.Trial)
  public void prepare() {
    System.setProperty("tremplin.bench.import-writer", writer);
    school = new BenchSchool(NOW, Connections.POOLED);
    StringBuilder learners =
        new StringBuilder("reference;given_name;family_name;cohort;joined_on\n");
    List<String> references = new ArrayList<>();
    NavigableSet<LocalDate> days = null;
    for (int c = 1; c <= COHORTS; c++) {
      Cohort cohort =
          school
              .setup
              .cohorts()
              .open(
                  school.manager,
                  new NewCohort(
                      school.school.id(),
                      "Promo n°" + c,
                      new DateRange(BenchSchool.START, BenchSchool.END),
                      school.setup.templates().latest("ecole-du-web").ref(),
                      Cohort.MAX_CAPACITY,
                      List.of(BenchSchool.CHRISTMAS)));
      days = school.setup.cohorts().calendar(school.manager, cohort.id()).workingDays();
      for (int i = 1; i <= Cohort.MAX_CAPACITY; i++) {
        String ref = "L" + c + "-" + i;
        references.add(ref);
        learners.append(ref).append(";Prénom").append(i).append(";Nom").append(c);
        learners.append(";Promo n°").append(c).append(";01/09/2025\n");
      }
    }
    ImportReport registered =
        school
            .setup
            .imports()
            .importLearners(
                school.manager,
                school.school.id(),
                learners.toString().getBytes(StandardCharsets.UTF_8),
                false);
    check(registered, references.size());
    StringBuilder csv = new StringBuilder(32 * 520_000);
    csv.append("reference,date,part,mark,late_minutes\n");
    marks = 0;
    int d = 0;
    for (LocalDate day : days) {
      for (String part : new String[] {"AM", "PM"}) {
        for (int l = 0; l < references.size(); l++) {
          AttendanceMark mark = Marks.of(l, 2 * d + ("AM".equals(part) ? 0 : 1));
          csv.append(references.get(l)).append(',').append(day).append(',').append(part);
          csv.append(',').append(mark.mark().name()).append(',');
          if (mark.lateMinutes() > 0) {
            csv.append(mark.lateMinutes());
          }
          csv.append('\n');
          marks++;
        }
      }
      d++;
    }
    file = csv.toString().getBytes(StandardCharsets.UTF_8);
    int backend =
        school
            .setup
            .transactions()
            .read(h -> h.createQuery("select pg_backend_pid()").mapTo(Integer.class).one());
    postmaster = ServerCpu.parentOf(backend);
    if ("AGAIN".equals(run)) {
      check(importFile(), marks);
    }
  }

  /** FIRST: empties the sheet so that every mark of the file is new. */
  @Setup(Level.Iteration)
  public void reset() {
    if ("FIRST".equals(run)) {
      school.setup.transactions().inTransaction(h -> h.execute("truncate tremplin_attendance"));
    }
  }

  /** Imports the year's file. */
  @Benchmark
  public ImportReport importYear() {
    long cpu0 = ServerCpu.jvm();
    long server0 = ServerCpu.server(postmaster);
    long started = System.nanoTime();
    ImportReport report = importFile();
    wall = System.nanoTime() - started;
    jvmCpu = ServerCpu.jvm() - cpu0;
    serverCpu = ServerCpu.server(postmaster) - server0;
    return report;
  }

  private ImportReport importFile() {
    return school
        .tremplin
        .imports()
        .importAttendance(school.manager, school.school.id(), file, false);
  }

  /**
   * Prints the iteration's figures as a row of docs/benchmarks.md's tables: the wall clock and its
   * marks/s, the CPU of the JVM and of PostgreSQL and the marks per CPU-second, how much of the two
   * ran at once (CPU / wall: 1 when one waits for the other, up to 2 on two idle cores) and the
   * machine's load average (1 minute).
   */
  @TearDown(Level.Iteration)
  public void report() {
    double cpu = (jvmCpu + serverCpu) / 1e9;
    System.out.printf(
        "%n| %s | %s | %,d | %.2f s | %,.0f | %.2f s + %.2f s | %,.0f | %.2f | %s |%n",
        run,
        writer,
        marks,
        wall / 1e9,
        marks / (wall / 1e9),
        jvmCpu / 1e9,
        serverCpu / 1e9,
        marks / cpu,
        cpu / (wall / 1e9),
        ServerCpu.loadAverage());
  }

  /** Closes the pool. */
  @TearDown(Level.Trial)
  public void close() {
    school.close();
  }

  private static void check(ImportReport report, int expected) {
    if (!report.problems().isEmpty() || report.created() + report.unchanged() != expected) {
      throw new IllegalStateException(
          "unexpected import: "
              + report.problems().stream().limit(3).toList()
              + " "
              + report.created()
              + "/"
              + report.unchanged()
              + " of "
              + expected);
    }
  }
}

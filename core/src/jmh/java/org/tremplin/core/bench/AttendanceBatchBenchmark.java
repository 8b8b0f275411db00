package org.tremplin.core.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.tremplin.api.CohortId;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.learner.Learner;

/**
 * One cohort-month of attendance in one call: 24 learners × 22 working days × 2 half-days = 1,056
 * entries through {@code attendance().recordAll}. Every invocation writes to a cohort opened just
 * before it (outside the measurement), so no half-day was recorded yet. Target: ≤ 50 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class AttendanceBatchBenchmark {
  /** Working days recorded per invocation. */
  static final int DAYS = 22;

  /** The month recorded: the first {@value #DAYS} working days from this date (March 2026). */
  static final LocalDate MONTH = LocalDate.of(2026, 3, 1);

  /** "Now": after the recorded month, since future half-days are refused. */
  static final Instant NOW = Instant.parse("2026-06-30T18:00:00Z");

  /** How the measured Tremplin gets its connections. */
  @Param({"POOLED", "UNPOOLED"})
  public Connections connections;

  private BenchSchool school;
  private CohortId cohort;
  private List<AttendanceEntry> entries;

  /** Starts PostgreSQL, migrates a fresh database and creates the school. */
  @Setup(Level.Trial)
  public void startDatabase() {
    school = new BenchSchool(NOW, connections);
  }

  /** Closes the pool. */
  @TearDown(Level.Trial)
  public void close() {
    school.close();
  }

  /** Opens an untouched cohort and prepares its month of entries. */
  @Setup(Level.Invocation)
  public void openCohort() {
    BenchSchool.FullCohort full = school.openFullCohort();
    List<LocalDate> days =
        school
            .tremplin
            .cohorts()
            .calendar(school.manager, full.cohort().id())
            .workingDays()
            .tailSet(MONTH)
            .stream()
            .limit(DAYS)
            .toList();
    if (days.size() != DAYS) {
      throw new IllegalStateException("only " + days.size() + " working days from " + MONTH);
    }
    List<AttendanceEntry> month = new ArrayList<>(full.learners().size() * DAYS * 2);
    for (int d = 0; d < DAYS; d++) {
      HalfDay[] halves = {HalfDay.am(days.get(d)), HalfDay.pm(days.get(d))};
      for (int h = 0; h < 2; h++) {
        for (int l = 0; l < full.learners().size(); l++) {
          Learner learner = full.learners().get(l);
          month.add(new AttendanceEntry(learner.id(), halves[h], Marks.of(l, 2 * d + h)));
        }
      }
    }
    cohort = full.cohort().id();
    entries = List.copyOf(month);
  }

  /** Records the month. */
  @Benchmark
  public List<AttendanceRecord> recordMonth() {
    return school.tremplin.attendance().recordAll(school.manager, cohort, entries);
  }
}

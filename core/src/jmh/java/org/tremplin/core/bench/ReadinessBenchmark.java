package org.tremplin.core.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.tremplin.api.LearnerId;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.certification.CertificationRef;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.certification.CompetencyBlock;
import org.tremplin.api.certification.PerformanceCriterion;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.BlockMilestoneKind;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.api.evidence.Readiness;
import org.tremplin.core.Tremplin;

/**
 * Readiness of a full cohort (24 learners) four months in: attendance from 1 September to the
 * Christmas closure (with placement half-days), 20–40 evidence rows per learner on CP1–CP8 of DWWM
 * 2023, and some block milestones. The data is written once per trial; the benchmarks only read.
 * Target: ≤ 10 ms for the cohort.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ReadinessBenchmark {
  /** "Now": Friday 9 January 2026, 17:00 in Paris. */
  static final Instant NOW = Instant.parse("2026-01-09T16:00:00Z");

  /** Attendance is recorded up to this day (the last working day before Christmas). */
  static final LocalDate ATTENDANCE_UNTIL = LocalDate.of(2025, 12, 19);

  /** How the measured Tremplin gets its connections. */
  @Param({"POOLED", "UNPOOLED"})
  public Connections connections;

  private BenchSchool school;
  private Tremplin tremplin;
  private Tremplin setup;
  private CohortId cohort;
  private LearnerId learner;

  /** Builds the cohort and its four months of data. */
  @Setup(Level.Trial)
  public void buildCohort() {
    school = new BenchSchool(NOW, connections);
    tremplin = school.tremplin;
    setup = school.setup;
    BenchSchool.FullCohort full = school.openFullCohort();
    cohort = full.cohort().id();
    List<LearnerId> learners = full.learners().stream().map(l -> l.id()).toList();
    learner = learners.get(learners.size() / 2);
    recordAttendance(learners);
    CertificationVersion dwwm = setup.certifications().version(CertificationRef.parse("DWWM-2023"));
    recordEvidence(dwwm, learners);
    recordMilestones(dwwm, learners);
  }

  /** Closes the pool. */
  @TearDown(Level.Trial)
  public void close() {
    school.close();
  }

  /** Readiness of every learner of the cohort. */
  @Benchmark
  public List<Readiness> cohortReadiness() {
    return tremplin.evidence().readiness(school.manager, cohort);
  }

  /** Readiness of one learner. */
  @Benchmark
  public Readiness learnerReadiness() {
    return tremplin.evidence().readiness(school.manager, cohort, learner);
  }

  private void recordAttendance(List<LearnerId> learners) {
    List<LocalDate> days =
        tremplin
            .cohorts()
            .calendar(school.manager, cohort)
            .workingDays()
            .headSet(ATTENDANCE_UNTIL, true)
            .stream()
            .toList();
    List<AttendanceEntry> month = new ArrayList<>();
    for (int d = 0; d < days.size(); d++) {
      LocalDate day = days.get(d);
      for (int l = 0; l < learners.size(); l++) {
        month.add(new AttendanceEntry(learners.get(l), HalfDay.am(day), Marks.of(l, 2 * d)));
        month.add(new AttendanceEntry(learners.get(l), HalfDay.pm(day), Marks.of(l, 2 * d + 1)));
      }
      boolean lastOfMonth =
          d == days.size() - 1 || days.get(d + 1).getMonthValue() != day.getMonthValue();
      if (lastOfMonth) {
        setup.attendance().recordAll(school.manager, cohort, month);
        month.clear();
      }
    }
  }

  private void recordEvidence(CertificationVersion dwwm, List<LearnerId> learners) {
    List<Competency> competencies = dwwm.competencies().toList();
    List<LocalDate> days =
        tremplin
            .cohorts()
            .calendar(school.manager, cohort)
            .workingDays()
            .headSet(NOW.atZone(BenchSchool.PARIS).toLocalDate(), true)
            .stream()
            .toList();
    Random random = new Random(42);
    EvidenceSource[] sources = EvidenceSource.values();
    AssessmentResult[] results = AssessmentResult.values();
    for (LearnerId l : learners) {
      int rows = 20 + random.nextInt(21);
      for (int i = 0; i < rows; i++) {
        Competency c = competencies.get(random.nextInt(competencies.size()));
        EvidenceTarget target;
        EvidenceSource source;
        if (c.criteria().isEmpty() || random.nextInt(5) == 0) {
          target = new EvidenceTarget.OnCompetency(c.code());
          source =
              random.nextBoolean()
                  ? EvidenceSource.TRAINER_ASSESSMENT
                  : EvidenceSource.IN_TRAINING_ASSESSMENT;
        } else {
          PerformanceCriterion p = c.criteria().get(random.nextInt(c.criteria().size()));
          target = new EvidenceTarget.OnCriterion(c.code(), p.code());
          source = sources[random.nextInt(sources.length)];
        }
        setup
            .evidence()
            .record(
                school.manager,
                cohort,
                new NewEvidence(
                    l,
                    target,
                    source,
                    results[random.nextInt(results.length)],
                    "formateur-" + (1 + random.nextInt(3)),
                    days.get(random.nextInt(days.size())),
                    random.nextInt(3) == 0 ? "" : "Observé en atelier, à consolider en projet."));
      }
    }
  }

  private void recordMilestones(CertificationVersion dwwm, List<LearnerId> learners) {
    List<CompetencyBlock> blocks = dwwm.blocks();
    for (int i = 0; i < learners.size(); i++) {
      LearnerId l = learners.get(i);
      if (i % 3 != 2) {
        setup
            .evidence()
            .recordMilestone(
                school.manager,
                cohort,
                l,
                blocks.get(0).code(),
                BlockMilestoneKind.IN_TRAINING_ASSESSMENT,
                LocalDate.of(2025, 12, 12));
      }
      if (i % 2 == 0) {
        setup
            .evidence()
            .recordMilestone(
                school.manager,
                cohort,
                l,
                blocks.get(0).code(),
                BlockMilestoneKind.PORTFOLIO_SECTION,
                LocalDate.of(2025, 12, 15));
      }
      if (i % 6 == 0) {
        setup
            .evidence()
            .recordMilestone(
                school.manager,
                cohort,
                l,
                blocks.get(1).code(),
                BlockMilestoneKind.IN_TRAINING_ASSESSMENT,
                LocalDate.of(2026, 1, 8));
      }
    }
  }
}

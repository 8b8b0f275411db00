package org.tremplin.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.evidence.CompetencyProgress;
import org.tremplin.api.evidence.CompetencyStatus;
import org.tremplin.api.evidence.Readiness;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;

class DemoDatasetTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static Tremplin tremplin;
  private static DemoDataset.Demo demo;

  private static Tremplin newTremplin() {
    return Tremplin.create(
        Tremplin.dataSource(
            "jdbc:h2:mem:demo-test-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
            "sa",
            ""),
        DemoDataset.clock());
  }

  @BeforeAll
  static void loadDemo() {
    tremplin = newTremplin();
    demo = DemoDataset.load(tremplin);
  }

  /** Learner name → statuses of CP1..CP8, in catalogue order. */
  private static Map<String, List<CompetencyStatus>> statuses(Tremplin t, DemoDataset.Demo d) {
    Map<String, List<CompetencyStatus>> byName = new LinkedHashMap<>();
    List<Readiness> readiness = t.evidence().readiness(d.cast().manager(), d.cohort().id());
    for (Learner l : d.learners()) {
      Readiness r =
          readiness.stream().filter(x -> x.learner().equals(l.id())).findFirst().orElseThrow();
      byName.put(
          l.displayName(),
          r.blocks().stream()
              .flatMap(b -> b.competencies().stream())
              .map(CompetencyProgress::status)
              .toList());
    }
    return byName;
  }

  @Test
  void createsTwelveLearnersInTheDemoCohort() {
    assertThat(demo.learners()).hasSize(12);
    assertThat(tremplin.learners().learners(demo.cast().manager(), demo.cohort().id())).hasSize(12);
    assertThat(demo.school().name()).isEqualTo("École du Web de Villeneuve-la-Garenne");
    assertThat(demo.school().departement().code()).isEqualTo("92");
    assertThat(demo.cohort().name()).isEqualTo("Promo 2025-2026");
    assertThat(tremplin.learners().enrolments(demo.cast().manager(), demo.cohort().id()))
        .filteredOn(e -> !e.active())
        .hasSize(1);
  }

  @Test
  void recordsFourMonthsOfVariedAttendanceWithCorrections() {
    List<AttendanceRecord> records =
        tremplin
            .attendance()
            .current(demo.cast().manager(), demo.cohort().id(), DemoDataset.COHORT_DATES);

    assertThat(records).hasSizeGreaterThan(1500);
    assertThat(records)
        .extracting(r -> r.mark().mark())
        .contains(
            Mark.PRESENT,
            Mark.LATE,
            Mark.ABSENT_JUSTIFIED,
            Mark.ABSENT_UNJUSTIFIED,
            Mark.SICK_LEAVE);
    assertThat(records).filteredOn(AttendanceRecord::isCorrection).hasSizeGreaterThanOrEqualTo(3);
    assertThat(records)
        .allMatch(r -> !r.halfDay().date().isAfter(DemoDataset.TODAY))
        .noneMatch(r -> DemoDataset.CLOSURE.contains(r.halfDay().date()));
  }

  @Test
  void someCompetenciesAreAcquiredAndTheBackEndIsMostlyNotStarted() {
    Map<String, List<CompetencyStatus>> statuses = statuses(tremplin, demo);

    assertThat(statuses.values()).allMatch(s -> s.size() == 8);
    assertThat(statuses.values().stream().flatMap(List::stream))
        .contains(CompetencyStatus.ACQUIRED, CompetencyStatus.IN_PROGRESS)
        .contains(CompetencyStatus.NOT_STARTED);
    assertThat(statuses.values()).allMatch(s -> s.get(7) == CompetencyStatus.NOT_STARTED);
    assertThat(statuses.values().stream().distinct()).hasSizeGreaterThan(3);
  }

  @Test
  void nobodyIsReadyForTheTitleWithoutAPlacement() {
    List<Readiness> readiness =
        tremplin.evidence().readiness(demo.cast().manager(), demo.cohort().id());

    assertThat(readiness).hasSize(12).noneMatch(Readiness::ready);
    assertThat(readiness)
        .anyMatch(r -> r.blocks().get(0).ready())
        .allMatch(r -> r.placementHoursDone().signum() == 0);
  }

  @Test
  void givesTheSameStatusesWhenLoadedTwice() {
    Tremplin second = newTremplin();
    DemoDataset.Demo again = DemoDataset.load(second);

    assertThat(statuses(second, again)).isEqualTo(statuses(tremplin, demo));
    assertThat(
            second
                .attendance()
                .cohortRates(again.cast().manager(), again.cohort().id(), DemoDataset.COHORT_DATES))
        .usingRecursiveComparison()
        .isEqualTo(
            tremplin
                .attendance()
                .cohortRates(demo.cast().manager(), demo.cohort().id(), DemoDataset.COHORT_DATES));
  }

  @Test
  void theTrainerRecordsAttendanceButCannotEnrol() {
    DemoDataset.Cast cast = demo.cast();
    LearnerId learner =
        tremplin.learners().register(cast.coach(), demo.school().id(), "Nora", "Essaidi").id();

    assertThatThrownBy(
            () ->
                tremplin
                    .learners()
                    .join(cast.trainer(), demo.cohort().id(), learner, DemoDataset.TODAY))
        .isInstanceOfSatisfying(
            TremplinException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
    assertThat(
            tremplin
                .attendance()
                .current(cast.trainer(), demo.cohort().id(), DemoDataset.COHORT_DATES))
        .filteredOn(r -> !r.isCorrection())
        .isNotEmpty()
        .allMatch(r -> r.recordedBy().equals("trainer-demo"));
  }
}

package org.tremplin.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.certification.CompetencyBlock;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.BlockMilestoneKind;
import org.tremplin.api.evidence.CompetencyStatus;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.MissingItem;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.api.evidence.Readiness;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class EvidenceStoreIT {
  private static final LocalDate DAY = LocalDate.of(2025, 12, 1);
  private static final String BLOCK1 = "RNCP37674BC01";
  private static final String BLOCK2 = "RNCP37674BC02";

  private static NewEvidence trainer(LearnerId l, String competency, AssessmentResult r) {
    return new NewEvidence(
        l,
        new EvidenceTarget.OnCompetency(competency),
        EvidenceSource.TRAINER_ASSESSMENT,
        r,
        "Mme Durand",
        DAY,
        "");
  }

  private static void assertCode(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run)
        .isInstanceOf(TremplinException.class)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(code);
  }

  @AllDatabases
  void evidenceIsStoredAndDrivesCompetencyStatus(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var ev = f.tremplin.evidence();
    LearnerId l = f.learner(0).id();
    ev.record(f.trainer, f.cohort.id(), trainer(l, "CP3", AssessmentResult.ACQUIRED));
    ev.record(
        f.trainer,
        f.cohort.id(),
        new NewEvidence(
            l,
            new EvidenceTarget.OnCriterion("CP4", "CP4.1"),
            EvidenceSource.LMS_GRADE,
            AssessmentResult.ACQUIRED,
            "moodle",
            DAY,
            "quiz 3"));

    assertThat(ev.evidence(f.trainer, f.cohort.id(), l)).hasSize(2);
    assertThat(ev.evidence(f.trainer, f.cohort.id(), l).get(1).target())
        .isEqualTo(new EvidenceTarget.OnCriterion("CP4", "CP4.1"));
    assertThat(ev.progress(f.trainer, f.cohort.id(), l))
        .extracting(p -> p.competency() + "=" + p.status())
        .containsExactly(
            "CP1=NOT_STARTED",
            "CP2=NOT_STARTED",
            "CP3=ACQUIRED",
            "CP4=IN_PROGRESS",
            "CP5=NOT_STARTED",
            "CP6=NOT_STARTED",
            "CP7=NOT_STARTED",
            "CP8=NOT_STARTED");
  }

  @AllDatabases
  void refusesEvidenceOutsideTheCohortCertificationVersion(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var ev = f.tremplin.evidence();
    LearnerId l = f.learner(0).id();

    assertCode(
        () -> ev.record(f.trainer, f.cohort.id(), trainer(l, "CP9", AssessmentResult.ACQUIRED)),
        ErrorCode.EVIDENCE_UNKNOWN_COMPETENCY);
    assertCode(
        () ->
            ev.record(
                f.trainer,
                f.cohort.id(),
                new NewEvidence(
                    l,
                    new EvidenceTarget.OnCriterion("CP1", "CP2.1"),
                    EvidenceSource.PROJECT,
                    AssessmentResult.ACQUIRED,
                    "t",
                    DAY,
                    "")),
        ErrorCode.EVIDENCE_UNKNOWN_CRITERION);
    assertCode(
        () ->
            ev.record(
                f.trainer,
                f.cohort.id(),
                new NewEvidence(
                    l,
                    new EvidenceTarget.OnCompetency("CP1"),
                    EvidenceSource.PROJECT,
                    AssessmentResult.ACQUIRED,
                    "t",
                    LocalDate.of(2026, 2, 1),
                    "")),
        ErrorCode.EVIDENCE_IN_FUTURE);
    assertCode(
        () ->
            ev.record(
                f.trainer,
                f.cohort.id(),
                trainer(f.newcomer("A", "B").id(), "CP1", AssessmentResult.ACQUIRED)),
        ErrorCode.LEARNER_NOT_ENROLLED);
    assertCode(
        () ->
            ev.recordMilestone(
                f.trainer,
                f.cohort.id(),
                l,
                "RNCP31114BC01",
                BlockMilestoneKind.IN_TRAINING_ASSESSMENT,
                DAY),
        ErrorCode.EVIDENCE_UNKNOWN_BLOCK);
    assertThat(f.rows("tremplin_evidence")).isZero();
    assertThat(f.rows("tremplin_block_milestone")).isZero();
  }

  @AllDatabases
  void readinessListsWhatIsMissingPerBlockAndForTheTitle(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    var ev = f.tremplin.evidence();
    LearnerId ready = f.learner(0).id();
    LearnerId partial = f.learner(1).id();
    var cert =
        f.tremplin
            .certifications()
            .version(org.tremplin.api.certification.CertificationRef.parse("DWWM-2023"));
    for (CompetencyBlock b : cert.blocks()) {
      for (Competency c : b.competencies()) {
        ev.record(f.trainer, f.cohort.id(), trainer(ready, c.code(), AssessmentResult.ACQUIRED));
      }
      ev.recordMilestone(
          f.trainer,
          f.cohort.id(),
          ready,
          b.code(),
          BlockMilestoneKind.IN_TRAINING_ASSESSMENT,
          DAY);
      ev.recordMilestone(
          f.trainer, f.cohort.id(), ready, b.code(), BlockMilestoneKind.PORTFOLIO_SECTION, DAY);
    }
    for (Competency c : cert.blocks().get(0).competencies()) {
      ev.record(f.trainer, f.cohort.id(), trainer(partial, c.code(), AssessmentResult.ACQUIRED));
    }
    ev.recordMilestone(
        f.trainer, f.cohort.id(), partial, BLOCK1, BlockMilestoneKind.IN_TRAINING_ASSESSMENT, DAY);
    ev.recordMilestone(
        f.trainer,
        f.cohort.id(),
        partial,
        BLOCK1,
        BlockMilestoneKind.IN_TRAINING_ASSESSMENT,
        DAY.plusDays(1));
    ev.recordMilestone(
        f.trainer, f.cohort.id(), partial, BLOCK1, BlockMilestoneKind.PORTFOLIO_SECTION, DAY);
    // Placement: 60 half-days in placement (210 h) for the first learner, 10 for the second.
    List<AttendanceEntry> placement = new ArrayList<>();
    var days =
        f
            .tremplin
            .cohorts()
            .calendar(f.trainer, f.cohort.id())
            .workingDays()
            .headSet(LocalDate.of(2026, 1, 9), true)
            .descendingSet()
            .stream()
            .limit(30)
            .toList();
    for (LocalDate d : days) {
      placement.add(
          new AttendanceEntry(ready, HalfDay.am(d), AttendanceMark.of(Mark.IN_PLACEMENT)));
      placement.add(
          new AttendanceEntry(ready, HalfDay.pm(d), AttendanceMark.of(Mark.IN_PLACEMENT)));
    }
    for (LocalDate d : days.subList(0, 10)) {
      placement.add(
          new AttendanceEntry(partial, HalfDay.am(d), AttendanceMark.of(Mark.IN_PLACEMENT)));
    }
    f.tremplin.attendance().recordAll(f.trainer, f.cohort.id(), placement);

    Readiness r1 = ev.readiness(f.trainer, f.cohort.id(), ready);
    Readiness r2 = ev.readiness(f.trainer, f.cohort.id(), partial);
    List<Readiness> all = ev.readiness(f.trainer, f.cohort.id());

    assertThat(r1.ready()).isTrue();
    assertThat(r1.placementHoursDone()).isEqualByComparingTo(new BigDecimal("210"));
    assertThat(r2.ready()).isFalse();
    assertThat(r2.blocks().get(0).ready()).isTrue();
    assertThat(r2.blocks().get(1).ready()).isFalse();
    assertThat(r2.missing())
        .contains(
            new MissingItem.CompetencyNotAcquired(BLOCK2, "CP5", CompetencyStatus.NOT_STARTED),
            new MissingItem.InTrainingAssessmentMissing(BLOCK2),
            new MissingItem.PortfolioSectionMissing(BLOCK2),
            new MissingItem.PlacementHoursShort(210, new BigDecimal("35.0")))
        .hasSize(4 + 2 + 1);
    assertThat(all).containsExactlyInAnyOrder(r1, r2);
    assertThat(f.rows("tremplin_block_milestone")).isEqualTo(6);
  }
}

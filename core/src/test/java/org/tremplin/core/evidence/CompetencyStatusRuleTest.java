package org.tremplin.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.certification.PerformanceCriterion;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.CompetencyStatus;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceId;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;

class CompetencyStatusRuleTest {
  private static final LocalizedText T = new LocalizedText("t", "t");
  private static final Competency CP3 =
      new Competency(
          "CP3",
          T,
          List.of(new PerformanceCriterion("CP3.1", T), new PerformanceCriterion("CP3.2", T)));
  private static final LearnerId L = LearnerId.random();
  private static int day = 1;

  private static Evidence on(EvidenceTarget target, EvidenceSource source, AssessmentResult r) {
    return new Evidence(
        EvidenceId.random(),
        CohortId.random(),
        L,
        target,
        source,
        r,
        "trainer",
        LocalDate.of(2025, 10, 1).plusDays(day++),
        "",
        Instant.EPOCH);
  }

  private static Evidence competency(EvidenceSource s, AssessmentResult r) {
    return on(new EvidenceTarget.OnCompetency("CP3"), s, r);
  }

  private static Evidence criterion(String c, AssessmentResult r) {
    return on(new EvidenceTarget.OnCriterion("CP3", c), EvidenceSource.LMS_GRADE, r);
  }

  private static CompetencyStatus status(Evidence... evidence) {
    return CompetencyStatusRule.progress(CP3, List.of(evidence)).status();
  }

  @Test
  void withoutEvidenceTheCompetencyIsNotStarted() {
    assertThat(status()).isEqualTo(CompetencyStatus.NOT_STARTED);
  }

  @Test
  void evidenceOnAnotherCompetencyDoesNotCount() {
    Evidence other =
        on(
            new EvidenceTarget.OnCompetency("CP4"),
            EvidenceSource.TRAINER_ASSESSMENT,
            AssessmentResult.ACQUIRED);
    assertThat(status(other)).isEqualTo(CompetencyStatus.NOT_STARTED);
  }

  @Test
  void aTrainerAssessmentSayingAcquiredAcquiresTheCompetency() {
    assertThat(status(competency(EvidenceSource.TRAINER_ASSESSMENT, AssessmentResult.ACQUIRED)))
        .isEqualTo(CompetencyStatus.ACQUIRED);
  }

  @Test
  void theLatestTrainerDecisionWinsOverAnEarlierOne() {
    assertThat(
            status(
                competency(EvidenceSource.TRAINER_ASSESSMENT, AssessmentResult.ACQUIRED),
                competency(EvidenceSource.IN_TRAINING_ASSESSMENT, AssessmentResult.NOT_ACQUIRED)))
        .isEqualTo(CompetencyStatus.IN_PROGRESS);
  }

  @Test
  void anLmsGradeAloneOnTheCompetencyOnlyShowsProgress() {
    assertThat(status(competency(EvidenceSource.LMS_GRADE, AssessmentResult.ACQUIRED)))
        .isEqualTo(CompetencyStatus.IN_PROGRESS);
  }

  @Test
  void everyCriterionAcquiredAcquiresTheCompetency() {
    assertThat(
            status(
                criterion("CP3.1", AssessmentResult.ACQUIRED),
                criterion("CP3.2", AssessmentResult.ACQUIRED)))
        .isEqualTo(CompetencyStatus.ACQUIRED);
  }

  @Test
  void aCriterionWhoseLatestEvidenceIsNotAcquiredKeepsTheCompetencyInProgress() {
    var progress =
        CompetencyStatusRule.progress(
            CP3,
            List.of(
                criterion("CP3.1", AssessmentResult.ACQUIRED),
                criterion("CP3.2", AssessmentResult.ACQUIRED),
                criterion("CP3.2", AssessmentResult.PARTIALLY_ACQUIRED)));
    assertThat(progress.status()).isEqualTo(CompetencyStatus.IN_PROGRESS);
    assertThat(progress.criteriaAcquired()).isEqualTo(1);
    assertThat(progress.evidenceCount()).isEqualTo(3);
  }
}

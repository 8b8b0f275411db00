package org.tremplin.web.api.evidence;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.BlockReadiness;
import org.tremplin.api.evidence.CompetencyProgress;
import org.tremplin.api.evidence.CompetencyStatus;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.Readiness;

/** The REST API's views of evidence and readiness. */
final class EvidenceViews {
  private EvidenceViews() {}

  /**
   * One piece of evidence.
   *
   * @param id its id
   * @param competency the competency it is about
   * @param criterion the performance criterion, when it is about one
   * @param source where it comes from
   * @param result what it says
   * @param assessor who assessed
   * @param assessedOn when
   * @param comment the assessor's comment
   * @param recordedAt when it was recorded
   */
  @Schema(name = "Evidence")
  record EvidenceView(
      @Schema(example = "7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", format = "uuid") String id,
      @Schema(example = "CP3") String competency,
      @Schema(example = "CP3.2") @Nullable String criterion,
      EvidenceSource source,
      AssessmentResult result,
      @Schema(example = "Formatrice") String assessor,
      @Schema(example = "2026-02-10") LocalDate assessedOn,
      @Schema(example = "Maquette responsive livrée") String comment,
      @Schema(example = "2026-02-10T16:00:00Z") Instant recordedAt) {

    static EvidenceView of(Evidence e) {
      return new EvidenceView(
          e.id().value().toString(),
          e.target().competency(),
          e.target() instanceof EvidenceTarget.OnCriterion c ? c.criterion() : null,
          e.source(),
          e.result(),
          e.assessor(),
          e.assessedOn(),
          e.comment(),
          e.recordedAt());
    }
  }

  /**
   * A learner's evidence.
   *
   * @param items every piece, oldest first
   */
  @Schema(name = "EvidenceList")
  record EvidenceList(List<EvidenceView> items) {}

  /**
   * The status of one competency.
   *
   * @param competency its code
   * @param status its status by the competency rule
   * @param criteriaAcquired criteria acquired
   * @param criteriaTotal criteria in all
   * @param evidenceCount pieces of evidence
   */
  @Schema(name = "CompetencyProgress")
  record ProgressView(
      @Schema(example = "CP3") String competency,
      CompetencyStatus status,
      @Schema(example = "2") int criteriaAcquired,
      @Schema(example = "4") int criteriaTotal,
      @Schema(example = "3") int evidenceCount) {

    static ProgressView of(CompetencyProgress p) {
      return new ProgressView(
          p.competency(), p.status(), p.criteriaAcquired(), p.criteriaTotal(), p.evidenceCount());
    }
  }

  /**
   * One block of the certification.
   *
   * @param block its code
   * @param ready whether every competency of it is acquired
   * @param competencies its competencies
   */
  @Schema(name = "BlockReadiness")
  record BlockView(
      @Schema(example = "CCP1") String block,
      @Schema(example = "false") boolean ready,
      List<ProgressView> competencies) {

    static BlockView of(BlockReadiness b) {
      return new BlockView(
          b.block(), b.ready(), b.competencies().stream().map(ProgressView::of).toList());
    }
  }

  /**
   * A learner's certification readiness.
   *
   * @param learner the learner's id
   * @param certification the certification
   * @param version its version
   * @param ready whether every block is ready and the placement hours are done
   * @param placementHoursRequired hours of placement the certification needs
   * @param placementHoursDone hours done
   * @param blocks block by block
   */
  @Schema(name = "Readiness")
  record ReadinessView(
      @Schema(example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e", format = "uuid") String learner,
      @Schema(example = "DWWM") String certification,
      @Schema(example = "\"2023\"") String version,
      @Schema(example = "false") boolean ready,
      @Schema(example = "399") int placementHoursRequired,
      @Schema(example = "140.0") BigDecimal placementHoursDone,
      List<BlockView> blocks) {

    static ReadinessView of(Readiness r) {
      return new ReadinessView(
          r.learner().value().toString(),
          r.certification().certification(),
          r.certification().version(),
          r.ready(),
          r.placementHoursRequired(),
          r.placementHoursDone(),
          r.blocks().stream().map(BlockView::of).toList());
    }
  }
}

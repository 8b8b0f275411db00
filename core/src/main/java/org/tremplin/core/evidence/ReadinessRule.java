package org.tremplin.core.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tremplin.api.LearnerId;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.certification.CompetencyBlock;
import org.tremplin.api.evidence.BlockMilestoneKind;
import org.tremplin.api.evidence.BlockReadiness;
import org.tremplin.api.evidence.CompetencyProgress;
import org.tremplin.api.evidence.CompetencyStatus;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.MissingItem;
import org.tremplin.api.evidence.Readiness;
import org.tremplin.core.evidence.EvidenceRecords.Milestone;

/**
 * The readiness rule (DOMAIN.md): a block is ready when every competency of the block is ACQUIRED,
 * its ECF was taken and its DP section is complete; the title when both blocks are ready and the
 * placement hours are done (3.5 h per half-day marked IN_PLACEMENT). Stateless.
 */
public final class ReadinessRule {
  private ReadinessRule() {}

  /**
   * A learner's readiness.
   *
   * @param certification the certification
   * @param learner the learner
   * @param evidence the evidence
   * @param milestones the milestones
   * @param placementHoursRequired the placement hours required
   * @param placementHalfDays the placement half days
   * @return a learner's readiness
   */
  public static Readiness readiness(
      CertificationVersion certification,
      LearnerId learner,
      List<Evidence> evidence,
      Set<Milestone> milestones,
      int placementHoursRequired,
      int placementHalfDays) {
    List<BlockReadiness> blocks = new ArrayList<>();
    for (CompetencyBlock block : certification.blocks()) {
      List<CompetencyProgress> progress = new ArrayList<>();
      List<MissingItem> missing = new ArrayList<>();
      for (Competency c : block.competencies()) {
        CompetencyProgress p = CompetencyStatusRule.progress(c, evidence);
        progress.add(p);
        if (p.status() != CompetencyStatus.ACQUIRED) {
          missing.add(new MissingItem.CompetencyNotAcquired(block.code(), c.code(), p.status()));
        }
      }
      if (!milestones.contains(
          new Milestone(block.code(), BlockMilestoneKind.IN_TRAINING_ASSESSMENT))) {
        missing.add(new MissingItem.InTrainingAssessmentMissing(block.code()));
      }
      if (!milestones.contains(new Milestone(block.code(), BlockMilestoneKind.PORTFOLIO_SECTION))) {
        missing.add(new MissingItem.PortfolioSectionMissing(block.code()));
      }
      blocks.add(new BlockReadiness(block.code(), progress, missing));
    }
    BigDecimal done =
        AttendanceRates.HOURS_PER_HALF_DAY.multiply(BigDecimal.valueOf(placementHalfDays));
    return new Readiness(learner, certification.ref(), blocks, placementHoursRequired, done);
  }
}

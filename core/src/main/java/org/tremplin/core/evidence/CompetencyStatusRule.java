package org.tremplin.core.evidence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.certification.PerformanceCriterion;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.CompetencyProgress;
import org.tremplin.api.evidence.CompetencyStatus;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;

/**
 * The competency status rule (documented on {@link CompetencyStatus}): NOT_STARTED without any
 * evidence; when a trainer or an ECF assessed the whole competency, the latest such decision
 * decides (ACQUIRED or IN_PROGRESS), even against the criteria; otherwise ACQUIRED when it has
 * criteria and the latest evidence of each says ACQUIRED; IN_PROGRESS otherwise. LMS grades and
 * project evidence show progress but only acquire a competency through its criteria: a person
 * (trainer or ECF jury) decides a whole competency. "Latest" orders by assessment date, then
 * recording order. Stateless.
 */
public final class CompetencyStatusRule {
  private CompetencyStatusRule() {}

  /**
   * The progress on one competency.
   *
   * @param evidence the learner's evidence, in chronological order (any competency)
   * @param competency the competency
   * @return the progress on one competency
   */
  public static CompetencyProgress progress(Competency competency, List<Evidence> evidence) {
    Evidence latestDecision = null;
    Map<String, AssessmentResult> latestByCriterion = new HashMap<>();
    int count = 0;
    for (Evidence e : evidence) {
      if (!e.target().competency().equals(competency.code())) {
        continue;
      }
      count++;
      if (e.target() instanceof EvidenceTarget.OnCriterion c) {
        latestByCriterion.put(c.criterion(), e.result());
      } else if (e.source() == EvidenceSource.TRAINER_ASSESSMENT
          || e.source() == EvidenceSource.IN_TRAINING_ASSESSMENT) {
        latestDecision = e;
      }
    }
    int criteriaAcquired = 0;
    for (PerformanceCriterion c : competency.criteria()) {
      if (latestByCriterion.get(c.code()) == AssessmentResult.ACQUIRED) {
        criteriaAcquired++;
      }
    }
    int total = competency.criteria().size();
    CompetencyStatus status;
    if (count == 0) {
      status = CompetencyStatus.NOT_STARTED;
    } else if (latestDecision != null) {
      status =
          latestDecision.result() == AssessmentResult.ACQUIRED
              ? CompetencyStatus.ACQUIRED
              : CompetencyStatus.IN_PROGRESS;
    } else if (total > 0 && criteriaAcquired == total) {
      status = CompetencyStatus.ACQUIRED;
    } else {
      status = CompetencyStatus.IN_PROGRESS;
    }
    return new CompetencyProgress(competency.code(), status, criteriaAcquired, total, count);
  }
}

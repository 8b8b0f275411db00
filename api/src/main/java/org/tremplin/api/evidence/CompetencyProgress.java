package org.tremplin.api.evidence;

import org.tremplin.api.TremplinException;

/**
 * A learner's status on one competency.
 *
 * @param competency the competency code
 * @param status the status by the documented rule
 * @param criteriaAcquired criteria whose latest evidence is ACQUIRED
 * @param criteriaTotal criteria the competency has
 * @param evidenceCount evidence recorded on the competency and its criteria
 */
public record CompetencyProgress(
    String competency,
    CompetencyStatus status,
    int criteriaAcquired,
    int criteriaTotal,
    int evidenceCount) {
  /**
   * Codes required; counts consistent.
   *
   * @param competency the competency
   * @param status the status
   * @param criteriaAcquired the criteria acquired
   * @param criteriaTotal the criteria total
   * @param evidenceCount the evidence count
   */
  public CompetencyProgress {
    TremplinException.requiredText(competency, "competency");
    TremplinException.required(status, "status");
    TremplinException.check(
        criteriaAcquired >= 0 && criteriaAcquired <= criteriaTotal, "criteria counts inconsistent");
    TremplinException.check(evidenceCount >= 0, "evidence count must not be negative");
  }
}

package org.tremplin.lti.grades;

import java.util.List;
import org.tremplin.api.CohortId;

/**
 * What became of the scores sent to the LMS gradebook, for the trainer's page. The caller checks
 * that its actor may read the cohort's evidence ({@code EVIDENCE_READ}). Implementations are
 * thread-safe.
 */
public interface GradeDeliveries {
  /** The scores of this cohort the platform refused for good, the latest first; empty if none. */
  List<RefusedScore> failures(CohortId cohort);

  /** How many of this cohort's scores are waiting, sent, refused (counts, for a summary line). */
  ScoreCounts counts(CohortId cohort);
}

package org.tremplin.api.evidence;

import java.time.Instant;
import java.time.LocalDate;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * A stored piece of evidence.
 *
 * @param id its id
 * @param cohort the cohort it was recorded in
 * @param learner who was assessed
 * @param target the competency or criterion
 * @param source where it comes from
 * @param result the outcome
 * @param assessor who assessed
 * @param assessedOn when it was assessed
 * @param comment a comment, possibly empty
 * @param recordedAt when it was stored
 */
public record Evidence(
    EvidenceId id,
    CohortId cohort,
    LearnerId learner,
    EvidenceTarget target,
    EvidenceSource source,
    AssessmentResult result,
    String assessor,
    LocalDate assessedOn,
    String comment,
    Instant recordedAt) {
  /**
   * All fields required.
   *
   * @param id the identifier
   * @param cohort the cohort
   * @param learner the learner
   * @param target the target
   * @param source the source
   * @param result the result
   * @param assessor the assessor
   * @param assessedOn the assessed on
   * @param comment the comment
   * @param recordedAt the recorded at
   */
  public Evidence {
    TremplinException.required(id, "id");
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    TremplinException.required(target, "target");
    TremplinException.required(source, "source");
    TremplinException.required(result, "result");
    TremplinException.requiredText(assessor, "assessor");
    TremplinException.required(assessedOn, "assessedOn");
    TremplinException.required(comment, "comment");
    TremplinException.required(recordedAt, "recordedAt");
  }
}

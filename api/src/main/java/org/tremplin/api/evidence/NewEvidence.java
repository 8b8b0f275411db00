package org.tremplin.api.evidence;

import java.time.LocalDate;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * An assessment to record.
 *
 * @param learner who was assessed
 * @param target the competency or criterion
 * @param source where it comes from
 * @param result the outcome
 * @param assessor who assessed
 * @param assessedOn when (not in the future)
 * @param comment a short comment, possibly empty (at most 2000 characters)
 */
public record NewEvidence(
    LearnerId learner,
    EvidenceTarget target,
    EvidenceSource source,
    AssessmentResult result,
    String assessor,
    LocalDate assessedOn,
    String comment) {
  /**
   * All fields required.
   *
   * @param learner the learner
   * @param target the target
   * @param source the source
   * @param result the result
   * @param assessor the assessor
   * @param assessedOn the assessed on
   * @param comment the comment
   */
  public NewEvidence {
    TremplinException.required(learner, "learner");
    TremplinException.required(target, "target");
    TremplinException.required(source, "source");
    TremplinException.required(result, "result");
    TremplinException.requiredText(assessor, "assessor");
    TremplinException.required(assessedOn, "assessedOn");
    TremplinException.required(comment, "comment");
    TremplinException.check(comment.length() <= 2000, "comment is longer than 2000 characters");
  }
}

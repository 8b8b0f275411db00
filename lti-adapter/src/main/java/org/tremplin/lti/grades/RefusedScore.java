package org.tremplin.lti.grades;

import java.time.Instant;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.evidence.EvidenceId;

/**
 * A score the platform refused for good (a 4xx other than 401, 404, 408, 409 and 429), with its
 * answer for the trainer. Immutable.
 *
 * @param evidence the assessment the score came from
 * @param learner who was assessed
 * @param competency the competency code (the line item's {@code competency:<code>})
 * @param status the HTTP status
 * @param answer the platform's answer, shortened (tags dropped, at most 500 characters)
 * @param at when it was refused
 */
public record RefusedScore(
    EvidenceId evidence,
    LearnerId learner,
    String competency,
    int status,
    String answer,
    Instant at) {
  /** All required. */
  public RefusedScore {
    TremplinException.required(evidence, "evidence");
    TremplinException.required(learner, "learner");
    TremplinException.requiredText(competency, "competency");
    TremplinException.required(answer, "answer");
    TremplinException.required(at, "at");
  }
}

package org.tremplin.api.event;

import java.time.LocalDate;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.EvidenceId;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;

/**
 * A piece of evidence (an assessment on a competency or a performance criterion) was recorded: what
 * a grade sent back to the LMS hangs on. The assessor's name and the comment stay in the evidence
 * record ({@code EvidenceService.evidence}); read it there if needed.
 *
 * @param cohort the cohort it was recorded in
 * @param learner who was assessed
 * @param evidence the stored evidence's id (one event per evidence: a natural idempotency key)
 * @param target the competency or criterion, with the competency code
 * @param source where the assessment comes from
 * @param result the outcome
 * @param assessedOn when it was assessed
 */
public record AssessmentRecorded(
    CohortId cohort,
    LearnerId learner,
    EvidenceId evidence,
    EvidenceTarget target,
    EvidenceSource source,
    AssessmentResult result,
    LocalDate assessedOn)
    implements PathEvent {
  /**
   * All fields required.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param evidence the evidence
   * @param target the target
   * @param source the source
   * @param result the result
   * @param assessedOn the assessed on
   */
  public AssessmentRecorded {
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    TremplinException.required(evidence, "evidence");
    TremplinException.required(target, "target");
    TremplinException.required(source, "source");
    TremplinException.required(result, "result");
    TremplinException.required(assessedOn, "assessedOn");
  }
}

package org.tremplin.api.insertion;

import java.time.Instant;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.eligibility.EligibilityDiagnosis;
import org.tremplin.api.eligibility.EligibilityResult;

/**
 * A stored diagnosis with its evaluation by the criteria list in force on its date.
 *
 * @param id its id
 * @param learner the learner diagnosed
 * @param diagnosis the diagnosis as recorded (author = the actor who recorded it)
 * @param result its evaluation
 * @param recordedAt when it was stored
 */
public record RecordedDiagnosis(
    DiagnosisId id,
    LearnerId learner,
    EligibilityDiagnosis diagnosis,
    EligibilityResult result,
    Instant recordedAt) {
  /**
   * All fields required.
   *
   * @param id the identifier
   * @param learner the learner
   * @param diagnosis the diagnosis
   * @param result the result
   * @param recordedAt the recorded at
   */
  public RecordedDiagnosis {
    TremplinException.required(id, "id");
    TremplinException.required(learner, "learner");
    TremplinException.required(diagnosis, "diagnosis");
    TremplinException.required(result, "result");
    TremplinException.required(recordedAt, "recordedAt");
  }
}

package org.tremplin.api.event;

import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * A coaching meeting's outcome (held or missed) was recorded.
 *
 * @param cohort the cohort
 * @param learner the learner
 */
public record MeetingRecorded(CohortId cohort, LearnerId learner) implements PathEvent {
  /**
   * Both required.
   *
   * @param cohort the cohort
   * @param learner the learner
   */
  public MeetingRecorded {
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
  }
}

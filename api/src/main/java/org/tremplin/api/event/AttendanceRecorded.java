package org.tremplin.api.event;

import java.util.Set;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * Attendance was recorded or corrected for these learners of a cohort.
 *
 * @param cohort the cohort
 * @param learners the learners whose sheet changed (at least one)
 */
public record AttendanceRecorded(CohortId cohort, Set<LearnerId> learners) implements PathEvent {
  /**
   * Both required; the set is copied and holds at least one learner.
   *
   * @param cohort the cohort
   * @param learners the learners
   */
  public AttendanceRecorded {
    TremplinException.required(cohort, "cohort");
    learners = Set.copyOf(TremplinException.required(learners, "learners"));
    TremplinException.check(!learners.isEmpty(), "an attendance event names at least one learner");
  }
}

package org.tremplin.core.coaching;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.MeetingId;
import org.tremplin.api.coaching.MeetingOutcome;

/**
 * Stored coaching meetings. Meetings come back with their confidential note {@code Shown} or {@code
 * Absent}: the service withholds it from callers who may not read it. Thread-safe; calls inside a
 * transaction join it.
 */
public interface Meetings {
  /**
   * Stores a planned meeting.
   *
   * @param meeting the meeting
   */
  void insert(CoachingMeeting meeting);

  /**
   * Records the outcome of a meeting that is still planned; returns whether it was (false when it
   * is unknown or already has an outcome).
   *
   * @param id the identifier
   * @param outcome the outcome
   * @param by the by
   * @param at the instant
   * @return whether it was (false when it is unknown or already has an outcome)
   */
  boolean recordOutcome(MeetingId id, MeetingOutcome outcome, String by, Instant at);

  /**
   * A meeting of the learner in the cohort.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param id the identifier
   * @return a meeting of the learner in the cohort
   */
  Optional<CoachingMeeting> find(CohortId cohort, LearnerId learner, MeetingId id);

  /**
   * The learner's meetings in the cohort, by planned time.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's meetings in the cohort, by planned time
   */
  List<CoachingMeeting> byLearner(CohortId cohort, LearnerId learner);

  /**
   * The meetings of these learners in any cohort, each learner's by planned time (the caseload's
   * one read), confidential notes as stored: the caller decides what the reader sees of them.
   *
   * @param learners the learners
   * @return their meetings; empty when none
   */
  List<CoachingMeeting> byLearners(Collection<LearnerId> learners);
}

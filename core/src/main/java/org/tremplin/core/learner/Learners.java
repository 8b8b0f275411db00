package org.tremplin.core.learner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.learner.EnrolmentEvent;
import org.tremplin.api.learner.Learner;

/**
 * Stored learners and their append-only enrolment events. Thread-safe; calls inside a transaction
 * join it.
 */
public interface Learners {
  /** Stores a new learner. */
  void insert(Learner learner, Instant createdAt);

  /** Stores new learners (in one batch where the store can). */
  default void insertAll(java.util.List<Learner> learners, Instant createdAt) {
    for (Learner learner : learners) {
      insert(learner, createdAt);
    }
  }

  /** The learner, or empty when there is none with this id. */
  Optional<Learner> find(LearnerId id);

  /** Appends an event as number {@code seq} (1-based); fails if that number is taken. */
  void appendEvent(CohortId cohort, LearnerId learner, int seq, EnrolmentEvent event);

  /** A learner's events in a cohort, oldest first; empty when they never joined. */
  List<EnrolmentEvent> events(CohortId cohort, LearnerId learner);

  /** Every learner who ever joined the cohort, by family then given name. */
  List<Learner> inCohort(CohortId cohort);

  /** The events of every learner of a cohort, oldest first per learner. */
  java.util.Map<LearnerId, List<EnrolmentEvent>> eventsByLearner(CohortId cohort);
}

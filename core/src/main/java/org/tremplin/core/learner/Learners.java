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
  /**
   * Stores a new learner.
   *
   * @param learner the learner
   * @param createdAt the created at
   */
  void insert(Learner learner, Instant createdAt);

  /**
   * Stores new learners (in one batch where the store can).
   *
   * @param learners the new learners
   * @param createdAt when they were created
   */
  default void insertAll(java.util.List<Learner> learners, Instant createdAt) {
    for (Learner learner : learners) {
      insert(learner, createdAt);
    }
  }

  /**
   * The learner, or empty when there is none with this id.
   *
   * @param id the identifier
   * @return the learner, or empty when there is none with this id
   */
  Optional<Learner> find(LearnerId id);

  /**
   * The learners with these ids, in one read; ids without a learner are absent.
   *
   * @param ids the identifiers
   * @return the learners found, in no particular order
   */
  java.util.List<Learner> findAll(java.util.Collection<LearnerId> ids);

  /**
   * Appends an event as number {@code seq} (1-based); fails if that number is taken.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param seq the seq
   * @param event the event
   */
  void appendEvent(CohortId cohort, LearnerId learner, int seq, EnrolmentEvent event);

  /**
   * A learner's events in a cohort, oldest first; empty when they never joined.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return a learner's events in a cohort, oldest first; empty when they never joined
   */
  List<EnrolmentEvent> events(CohortId cohort, LearnerId learner);

  /**
   * Every learner who ever joined the cohort, by family then given name.
   *
   * @param cohort the cohort
   * @return every learner who ever joined the cohort, by family then given name
   */
  List<Learner> inCohort(CohortId cohort);

  /**
   * The events of every learner of a cohort, oldest first per learner.
   *
   * @param cohort the cohort
   * @return the events of every learner of a cohort, oldest first per learner
   */
  java.util.Map<LearnerId, List<EnrolmentEvent>> eventsByLearner(CohortId cohort);
}

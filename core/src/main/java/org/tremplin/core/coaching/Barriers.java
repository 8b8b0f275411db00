package org.tremplin.core.coaching;

import java.util.List;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.coaching.Barrier;
import org.tremplin.api.coaching.BarrierId;
import org.tremplin.api.coaching.BarrierStatusChange;

/**
 * Stored barriers and their append-only status history. Thread-safe; calls inside a transaction
 * join it.
 */
public interface Barriers {
  /**
   * Stores a barrier with its history (at least its opening).
   *
   * @param barrier the barrier
   */
  void insert(Barrier barrier);

  /**
   * Appends a status change as number {@code seq} (1-based); fails with a unique violation if the
   * number is taken (someone changed it meanwhile).
   *
   * @param barrier the barrier
   * @param seq the seq
   * @param change the change
   */
  void appendStatus(BarrierId barrier, int seq, BarrierStatusChange change);

  /**
   * A barrier of the learner in the cohort, with its history.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param id the identifier
   * @return a barrier of the learner in the cohort, with its history
   */
  Optional<Barrier> find(CohortId cohort, LearnerId learner, BarrierId id);

  /**
   * The learner's barriers in the cohort, by opening day, each with its history.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's barriers in the cohort, by opening day, each with its history
   */
  List<Barrier> byLearner(CohortId cohort, LearnerId learner);
}

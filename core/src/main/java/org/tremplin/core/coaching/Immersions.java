package org.tremplin.core.coaching;

import java.time.Instant;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.coaching.WorkplaceImmersion;

/** Stored company immersions. Thread-safe; calls inside a transaction join it. */
public interface Immersions {
  /**
   * Stores an immersion.
   *
   * @param immersion the immersion
   * @param at the instant
   */
  void insert(WorkplaceImmersion immersion, Instant at);

  /**
   * The learner's immersions in the cohort, by first day.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's immersions in the cohort, by first day
   */
  List<WorkplaceImmersion> byLearner(CohortId cohort, LearnerId learner);
}

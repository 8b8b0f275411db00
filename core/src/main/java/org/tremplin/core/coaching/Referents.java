package org.tremplin.core.coaching;

import java.util.List;
import java.util.Optional;
import org.tremplin.api.LearnerId;
import org.tremplin.api.coaching.ReferentAssignment;

/** Stored referent assignments, append-only. Thread-safe; calls inside a transaction join it. */
public interface Referents {
  /**
   * Appends an assignment as number {@code seq} (1-based); fails if the number is taken.
   *
   * @param seq the seq
   * @param assignment the assignment
   */
  void append(int seq, ReferentAssignment assignment);

  /**
   * A learner's assignments, oldest first.
   *
   * @param learner the learner
   * @return a learner's assignments, oldest first
   */
  List<ReferentAssignment> history(LearnerId learner);

  /**
   * The current referent coach id of a learner.
   *
   * @param learner the learner
   * @return the current referent coach id of a learner
   */
  Optional<String> current(LearnerId learner);

  /**
   * Learners whose newest assignment names this coach.
   *
   * @param coach the coach
   * @return the learner ids
   */
  List<LearnerId> caseload(String coach);
}

package org.tremplin.core.insertion;

import java.time.Instant;
import java.util.Optional;
import org.tremplin.api.LearnerId;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.Suspension;

/**
 * Stored PASS IAE with their suspensions and prolongations, append-only. Thread-safe; calls inside
 * a transaction join it.
 */
public interface Passes {
  /** Stores a PASS, its suspensions and prolongations; fails if the learner has one. */
  void insert(LearnerId learner, PassIae pass, String by, Instant at);

  /** Appends a suspension as number {@code seq} (1-based); fails if the number is taken. */
  void appendSuspension(LearnerId learner, int seq, Suspension suspension, String by, Instant at);

  /** Appends a prolongation as number {@code seq} (1-based); fails if the number is taken. */
  void appendProlongation(
      LearnerId learner, int seq, PassProlongation prolongation, String by, Instant at);

  /** The learner's PASS with every amendment; empty when none is stored. */
  Optional<PassIae> find(LearnerId learner);
}

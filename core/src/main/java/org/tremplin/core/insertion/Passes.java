package org.tremplin.core.insertion;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
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
  /**
   * Stores a PASS, its suspensions and prolongations; fails if the learner has one.
   *
   * @param learner the learner
   * @param pass the pass
   * @param by the by
   * @param at the instant
   */
  void insert(LearnerId learner, PassIae pass, String by, Instant at);

  /**
   * Appends a suspension as number {@code seq} (1-based); fails if the number is taken.
   *
   * @param learner the learner
   * @param seq the seq
   * @param suspension the suspension
   * @param by the by
   * @param at the instant
   */
  void appendSuspension(LearnerId learner, int seq, Suspension suspension, String by, Instant at);

  /**
   * Appends a prolongation as number {@code seq} (1-based); fails if the number is taken.
   *
   * @param learner the learner
   * @param seq the seq
   * @param prolongation the prolongation
   * @param by the by
   * @param at the instant
   */
  void appendProlongation(
      LearnerId learner, int seq, PassProlongation prolongation, String by, Instant at);

  /**
   * The learner's PASS with every amendment; empty when none is stored.
   *
   * @param learner the learner
   * @return the learner's PASS with every amendment; empty when none is stored
   */
  Optional<PassIae> find(LearnerId learner);

  /**
   * The PASS IAEs of these learners with every amendment, by learner (the caseload's one read per
   * table); learners without one are absent.
   *
   * @param learners the learners
   * @return their PASS IAEs with every amendment, by learner
   */
  Map<LearnerId, PassIae> findAll(Collection<LearnerId> learners);
}

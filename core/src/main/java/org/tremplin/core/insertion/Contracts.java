package org.tremplin.core.insertion;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.tremplin.api.LearnerId;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.Suspension;

/**
 * Stored insertion contracts (CDDI) with their renewals and suspensions, append-only. Thread-safe;
 * calls inside a transaction join it.
 */
public interface Contracts {
  /**
   * Stores a contract, its renewals and suspensions; fails if the learner has one.
   *
   * @param learner the learner
   * @param contract the contract
   * @param by the by
   * @param at the instant
   */
  void insert(LearnerId learner, InsertionContract contract, String by, Instant at);

  /**
   * Appends a renewal as number {@code seq} (1-based); fails if the number is taken.
   *
   * @param learner the learner
   * @param seq the seq
   * @param renewal the renewal
   * @param by the by
   * @param at the instant
   */
  void appendRenewal(LearnerId learner, int seq, ContractAmendment renewal, String by, Instant at);

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
   * The learner's contract with every amendment; empty when none is stored.
   *
   * @param learner the learner
   * @return the learner's contract with every amendment; empty when none is stored
   */
  Optional<InsertionContract> find(LearnerId learner);

  /**
   * The contracts of these learners with every amendment, by learner (the caseload's one read per
   * table); learners without one are absent.
   *
   * @param learners the learners
   * @return their contracts with every amendment, by learner
   */
  Map<LearnerId, InsertionContract> findAll(Collection<LearnerId> learners);
}

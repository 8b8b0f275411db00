package org.tremplin.core.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.evidence.BlockMilestoneKind;
import org.tremplin.api.evidence.Evidence;

/**
 * Stored evidence and per-block milestones (ECF taken, DP section complete). Append-only.
 * Thread-safe; calls inside a transaction join it.
 */
public interface EvidenceRecords {
  /** A block milestone of a learner. */
  record Milestone(String block, BlockMilestoneKind kind) {}

  /**
   * Stores a piece of evidence.
   *
   * @param evidence the evidence
   */
  void insert(Evidence evidence);

  /**
   * A learner's evidence in a cohort, by assessment date then recording order.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return a learner's evidence in a cohort, by assessment date then recording order
   */
  List<Evidence> byLearner(CohortId cohort, LearnerId learner);

  /**
   * The evidence of every learner of a cohort, by assessment date then recording order.
   *
   * @param cohort the cohort
   * @return the evidence of every learner of a cohort, by assessment date then recording order
   */
  Map<LearnerId, List<Evidence>> byCohort(CohortId cohort);

  /**
   * Stores a milestone unless the learner already has it; returns whether it was new.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param milestone the milestone
   * @param on the day it is evaluated on
   * @param by the by
   * @param at the instant
   * @return whether it was new
   */
  boolean insertMilestone(
      CohortId cohort, LearnerId learner, Milestone milestone, LocalDate on, String by, Instant at);

  /**
   * A learner's milestones.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return a learner's milestones
   */
  Set<Milestone> milestones(CohortId cohort, LearnerId learner);

  /**
   * The milestones of every learner of a cohort.
   *
   * @param cohort the cohort
   * @return the milestones of every learner of a cohort
   */
  Map<LearnerId, Set<Milestone>> milestonesByLearner(CohortId cohort);
}

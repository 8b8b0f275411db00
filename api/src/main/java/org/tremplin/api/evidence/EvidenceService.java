package org.tremplin.api.evidence;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;

/**
 * Records evidence and assessments, and derives competency status and certification readiness.
 * Writes need {@code EVIDENCE_WRITE}, reads {@code EVIDENCE_READ}, on the learner or the cohort
 * ({@code ACCESS_DENIED} otherwise).
 *
 * <p>Implementations are thread-safe.
 */
public interface EvidenceService {
  /**
   * Records a piece of evidence.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param evidence the evidence
   * @return the evidence
   * @throws org.tremplin.api.TremplinException {@code EVIDENCE_UNKNOWN_COMPETENCY}, {@code
   *     EVIDENCE_UNKNOWN_CRITERION} (not in the cohort's certification version), {@code
   *     EVIDENCE_IN_FUTURE}, {@code LEARNER_NOT_ENROLLED}
   */
  Evidence record(Actor actor, CohortId cohort, NewEvidence evidence);

  /**
   * A learner's evidence in a cohort, oldest first.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return a learner's evidence in a cohort, oldest first
   */
  List<Evidence> evidence(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * Records that a block's ECF was taken or its DP section completed (idempotent per block and
   * kind: the first date is kept).
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param block the block
   * @param kind the kind
   * @param on the day it is evaluated on
   * @throws org.tremplin.api.TremplinException {@code EVIDENCE_UNKNOWN_BLOCK}, {@code
   *     EVIDENCE_IN_FUTURE}, {@code LEARNER_NOT_ENROLLED}
   */
  void recordMilestone(
      Actor actor,
      CohortId cohort,
      LearnerId learner,
      String block,
      BlockMilestoneKind kind,
      LocalDate on);

  /**
   * A learner's status on every block competency of the cohort's certification version.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return a learner's status on every block competency of the cohort's certification version
   */
  List<CompetencyProgress> progress(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * A learner's readiness for each block and the title.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return a learner's readiness for each block and the title
   */
  Readiness readiness(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * Readiness of every learner of the cohort (those enrolled or who ever were).
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @return the readinesses
   */
  List<Readiness> readiness(Actor actor, CohortId cohort);
}

package org.tremplin.api.funder;

import java.util.Map;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;

/**
 * Records and reads what funders count about a learner: the facts declared at entry, the
 * certification result, and the test-account mark that keeps a learner out of every report.
 *
 * <p>Every method takes the {@link Actor} first and checks {@code INSERTION_READ} (reads) or {@code
 * INSERTION_WRITE} (writes) on the learner of the cohort (their referent coach, a manager of the
 * school; the learner themself for reads); marking a test account needs {@code ENROLMENT_WRITE}. A
 * refused call throws {@code ACCESS_DENIED} and writes nothing; the learner must have joined the
 * cohort ({@code LEARNER_NOT_ENROLLED}). The facts belong to the learner, the cohort names the
 * access scope. Nothing is overwritten: a new declaration or result appends a version, and reads
 * return the newest. Every call is audited like the insertion path.
 *
 * <p>Implementations are thread-safe.
 */
public interface FunderFactsService {
  /**
   * Records the learner's facts (a previous declaration is kept as history).
   *
   * @param actor who asks
   * @param cohort the cohort that names the access scope
   * @param learner the learner
   * @param facts the facts
   * @return the facts recorded
   */
  FunderFacts declare(Actor actor, CohortId cohort, LearnerId learner, FunderFacts facts);

  /**
   * The learner's newest declared facts.
   *
   * @param actor who asks
   * @param cohort the cohort that names the access scope
   * @param learner the learner
   * @return the facts; empty when none were declared
   */
  Optional<FunderFacts> facts(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * The newest facts of every learner of a cohort (who joined it at any time) whom the actor may
   * read, in one read: for a list of a cohort's learners; each learner returned is audited as read,
   * as by {@link #facts}.
   *
   * @param actor who asks; a learner they may not read is left out
   * @param cohort the cohort
   * @return the facts by learner; a learner without facts is absent
   * @throws org.tremplin.api.TremplinException {@code ACCESS_DENIED} when the actor may not read
   *     the cohort, {@code COHORT_NOT_FOUND}
   */
  Map<LearnerId, FunderFacts> factsOfCohort(Actor actor, CohortId cohort);

  /**
   * Records the learner's certification result (a previous one is kept as history).
   *
   * @param actor who asks
   * @param cohort the cohort that names the access scope
   * @param learner the learner
   * @param result the result
   * @return the result recorded
   */
  CertificationResult recordCertification(
      Actor actor, CohortId cohort, LearnerId learner, CertificationResult result);

  /**
   * The learner's newest certification result.
   *
   * @param actor who asks
   * @param cohort the cohort that names the access scope
   * @param learner the learner
   * @return the result; empty when none was recorded
   */
  Optional<CertificationResult> certification(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * The newest certification result of every learner of a cohort whom the actor may read, in one
   * read, each learner returned audited as by {@link #certification}.
   *
   * @param actor who asks; a learner they may not read is left out
   * @param cohort the cohort
   * @return the results by learner; a learner without one is absent
   * @throws org.tremplin.api.TremplinException {@code ACCESS_DENIED} when the actor may not read
   *     the cohort, {@code COHORT_NOT_FOUND}
   */
  Map<LearnerId, CertificationResult> certificationsOfCohort(Actor actor, CohortId cohort);

  /**
   * Marks the learner as a test account (an LMS student view, a trainer's trial learner), or
   * unmarks them: reports never count a test account.
   *
   * @param actor who asks
   * @param cohort the cohort that names the access scope
   * @param learner the learner
   * @param testAccount true to mark, false to unmark
   */
  void markTestAccount(Actor actor, CohortId cohort, LearnerId learner, boolean testAccount);

  /**
   * Whether the learner is marked as a test account.
   *
   * @param actor who asks
   * @param cohort the cohort that names the access scope
   * @param learner the learner
   * @return true when marked
   */
  boolean isTestAccount(Actor actor, CohortId cohort, LearnerId learner);
}

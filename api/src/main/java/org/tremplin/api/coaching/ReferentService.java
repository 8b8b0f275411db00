package org.tremplin.api.coaching;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;

/**
 * Who is each learner's referent coach. Assigning needs {@code COACHING_WRITE} on the learner's
 * school (a manager); reading the history needs {@code COACHING_READ}.
 *
 * <p>Implementations are thread-safe.
 */
public interface ReferentService {
  /**
   * Makes a coach the learner's referent from a date (not before the current assignment's).
   *
   * @param actor who calls, checked against the access rules
   * @param learner the learner
   * @param coach the coach
   * @param since the since
   * @return the referent assignment
   * @throws org.tremplin.api.TremplinException {@code ACCESS_DENIED}, {@code LEARNER_NOT_FOUND},
   *     {@code INVALID_ARGUMENT} for a date before the current assignment
   */
  ReferentAssignment assign(Actor actor, LearnerId learner, String coach, LocalDate since);

  /**
   * The learner's current referent coach id, if any.
   *
   * @param actor who calls, checked against the access rules
   * @param learner the learner
   * @return the learner's current referent coach id, if any
   */
  Optional<String> referentOf(Actor actor, LearnerId learner);

  /**
   * Every assignment of the learner, oldest first.
   *
   * @param actor who calls, checked against the access rules
   * @param learner the learner
   * @return every assignment of the learner, oldest first
   */
  List<ReferentAssignment> history(Actor actor, LearnerId learner);

  /**
   * The learners whose current referent is this coach (the coach's caseload).
   *
   * @param actor who calls, checked against the access rules
   * @param coach the coach
   * @return the learners whose current referent is this coach (the coach's caseload)
   */
  List<LearnerId> caseload(Actor actor, String coach);
}

package org.tremplin.api.learner;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;

/**
 * Registers learners and keeps their enrolment history: join, leave, re-enter. History is
 * append-only and records the actor. Changes need {@code ENROLMENT_WRITE}, reads {@code
 * COHORT_READ}, in the actor's scope ({@code ACCESS_DENIED} otherwise).
 *
 * <p>Implementations are thread-safe.
 */
public interface LearnerService {
  /**
   * Registers a learner of a school.
   *
   * @param actor who calls, checked against the access rules
   * @param school the school
   * @param givenName the given name
   * @param familyName the family name
   * @return the learner
   */
  Learner register(Actor actor, SchoolId school, String givenName, String familyName);

  /**
   * Registers several learners of a school at once, all or nothing (e.g. a course roster read from
   * an LMS): one access check, one write.
   *
   * @return the learners, in the order of {@code names}
   */
  List<Learner> registerAll(Actor actor, SchoolId school, List<LearnerName> names);

  /**
   * The learner with this id.
   *
   * @param actor who calls, checked against the access rules
   * @param id the identifier
   * @return the learner with this id
   * @throws org.tremplin.api.TremplinException {@code LEARNER_NOT_FOUND}
   */
  Learner get(Actor actor, LearnerId id);

  /**
   * Enrols a learner in a cohort from a date.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param date the day
   * @return the enrolment
   * @throws org.tremplin.api.TremplinException {@code COHORT_FULL}, {@code
   *     ENROLMENT_ALREADY_ENROLLED}, {@code ENROLMENT_DATE_OUTSIDE_COHORT}
   */
  Enrolment join(Actor actor, CohortId cohort, LearnerId learner, LocalDate date);

  /**
   * Records that a learner leaves; {@code date} is their first day no longer enrolled.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param date the day
   * @param reason the reason
   * @return the enrolment
   * @throws org.tremplin.api.TremplinException {@code ENROLMENT_NOT_ENROLLED}, {@code
   *     ENROLMENT_DATE_OUT_OF_ORDER}
   */
  Enrolment leave(Actor actor, CohortId cohort, LearnerId learner, LocalDate date, String reason);

  /**
   * Records that a learner who left comes back.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param date the day
   * @return the enrolment
   * @throws org.tremplin.api.TremplinException {@code ENROLMENT_NOT_LEFT}, {@code COHORT_FULL},
   *     {@code ENROLMENT_DATE_OUT_OF_ORDER}
   */
  Enrolment reenter(Actor actor, CohortId cohort, LearnerId learner, LocalDate date);

  /**
   * A learner's enrolment in a cohort.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return a learner's enrolment in a cohort
   * @throws org.tremplin.api.TremplinException {@code ENROLMENT_NOT_ENROLLED} if they never joined
   */
  Enrolment enrolment(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * Every enrolment of a cohort (current and past learners), by learner name.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @return every enrolment of a cohort (current and past learners), by learner name
   */
  List<Enrolment> enrolments(Actor actor, CohortId cohort);

  /**
   * The learners who ever joined the cohort, by family then given name.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @return the learners who ever joined the cohort, by family then given name
   */
  List<Learner> learners(Actor actor, CohortId cohort);
}

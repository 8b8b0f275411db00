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
  /** Registers a learner of a school. */
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
   * @throws org.tremplin.api.TremplinException {@code LEARNER_NOT_FOUND}
   */
  Learner get(Actor actor, LearnerId id);

  /**
   * Enrols a learner in a cohort from a date.
   *
   * @throws org.tremplin.api.TremplinException {@code COHORT_FULL}, {@code
   *     ENROLMENT_ALREADY_ENROLLED}, {@code ENROLMENT_DATE_OUTSIDE_COHORT}
   */
  Enrolment join(Actor actor, CohortId cohort, LearnerId learner, LocalDate date);

  /**
   * Records that a learner leaves; {@code date} is their first day no longer enrolled.
   *
   * @throws org.tremplin.api.TremplinException {@code ENROLMENT_NOT_ENROLLED}, {@code
   *     ENROLMENT_DATE_OUT_OF_ORDER}
   */
  Enrolment leave(Actor actor, CohortId cohort, LearnerId learner, LocalDate date, String reason);

  /**
   * Records that a learner who left comes back.
   *
   * @throws org.tremplin.api.TremplinException {@code ENROLMENT_NOT_LEFT}, {@code COHORT_FULL},
   *     {@code ENROLMENT_DATE_OUT_OF_ORDER}
   */
  Enrolment reenter(Actor actor, CohortId cohort, LearnerId learner, LocalDate date);

  /**
   * A learner's enrolment in a cohort.
   *
   * @throws org.tremplin.api.TremplinException {@code ENROLMENT_NOT_ENROLLED} if they never joined
   */
  Enrolment enrolment(Actor actor, CohortId cohort, LearnerId learner);

  /** Every enrolment of a cohort (current and past learners), by learner name. */
  List<Enrolment> enrolments(Actor actor, CohortId cohort);

  /** The learners who ever joined the cohort, by family then given name. */
  List<Learner> learners(Actor actor, CohortId cohort);
}

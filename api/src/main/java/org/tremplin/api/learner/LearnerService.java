package org.tremplin.api.learner;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.cohort.CohortId;

/**
 * Registers learners and keeps their enrolment history: join, leave, re-enter. History is
 * append-only.
 *
 * <p>Implementations are thread-safe.
 */
public interface LearnerService {
  /** Registers a learner. */
  Learner register(String givenName, String familyName);

  /**
   * The learner with this id.
   *
   * @throws org.tremplin.api.TremplinException {@code LEARNER_NOT_FOUND}
   */
  Learner get(LearnerId id);

  /**
   * Enrols a learner in a cohort from a date.
   *
   * @throws org.tremplin.api.TremplinException {@code COHORT_FULL}, {@code
   *     ENROLMENT_ALREADY_ENROLLED}, {@code ENROLMENT_DATE_OUTSIDE_COHORT}
   */
  Enrolment join(CohortId cohort, LearnerId learner, LocalDate date, String by);

  /**
   * Records that a learner leaves; {@code date} is their first day no longer enrolled.
   *
   * @throws org.tremplin.api.TremplinException {@code ENROLMENT_NOT_ENROLLED}, {@code
   *     ENROLMENT_DATE_OUT_OF_ORDER}
   */
  Enrolment leave(CohortId cohort, LearnerId learner, LocalDate date, String reason, String by);

  /**
   * Records that a learner who left comes back.
   *
   * @throws org.tremplin.api.TremplinException {@code ENROLMENT_NOT_LEFT}, {@code COHORT_FULL},
   *     {@code ENROLMENT_DATE_OUT_OF_ORDER}
   */
  Enrolment reenter(CohortId cohort, LearnerId learner, LocalDate date, String by);

  /**
   * A learner's enrolment in a cohort.
   *
   * @throws org.tremplin.api.TremplinException {@code ENROLMENT_NOT_ENROLLED} if they never joined
   */
  Enrolment enrolment(CohortId cohort, LearnerId learner);

  /** Every enrolment of a cohort (current and past learners), by learner name. */
  List<Enrolment> enrolments(CohortId cohort);

  /** The learners who ever joined the cohort, by family then given name. */
  List<Learner> learners(CohortId cohort);
}

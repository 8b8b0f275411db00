package org.tremplin.api.coaching;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;

/**
 * A learner's coaching journal (DOMAIN.md, Coaching): meetings with ordinary and confidential
 * notes, barriers with their status history, the action plan with referrals, company immersions.
 *
 * <p>Access, always on the learner of the cohort (a coach only for their caseload, i.e. learners
 * whose current referent they are): meetings need {@code COACHING_WRITE} / {@code COACHING_READ};
 * the confidential note needs {@code CONFIDENTIAL_NOTE_READ} to be written or shown; without it,
 * callers who may write coaching records (managers) get {@link ConfidentialNote.Withheld} when one
 * exists, and others (the learner) {@link ConfidentialNote.Absent}. Barriers, the action plan and
 * immersions need {@code INSERTION_WRITE} / {@code INSERTION_READ}. Refusals throw {@code
 * ACCESS_DENIED} and write nothing; every write is one transaction. Every call throws {@code
 * COHORT_NOT_FOUND} for an unknown cohort and {@code LEARNER_NOT_ENROLLED} for a learner who never
 * joined it.
 *
 * <p>Implementations are thread-safe.
 */
public interface CoachingService {
  /**
   * Plans a meeting. The note (an agenda, possibly empty) is at most 2000 characters.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param plannedAt the planned at
   * @param note the note
   * @return the coaching meeting
   */
  CoachingMeeting planMeeting(
      Actor actor, CohortId cohort, LearnerId learner, LocalDateTime plannedAt, String note);

  /**
   * Records what happened at a planned meeting; the outcome's note replaces the planning note.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param meeting the meeting
   * @param outcome the outcome
   * @return the coaching meeting
   * @throws org.tremplin.api.TremplinException {@code MEETING_NOT_FOUND}, {@code
   *     MEETING_OUTCOME_ALREADY_RECORDED}, {@code ACCESS_DENIED} for a confidential note written
   *     without {@code CONFIDENTIAL_NOTE_READ}
   */
  CoachingMeeting recordOutcome(
      Actor actor, CohortId cohort, LearnerId learner, MeetingId meeting, MeetingOutcome outcome);

  /**
   * The learner's meetings, by planned time, confidential notes as the actor may see them.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's meetings, by planned time, confidential notes as the actor may see them
   */
  List<CoachingMeeting> meetings(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * Opens a barrier: its history starts with OPEN on the opening day.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param barrier the barrier
   * @return the barrier
   */
  Barrier openBarrier(Actor actor, CohortId cohort, LearnerId learner, NewBarrier barrier);

  /**
   * Appends a status change to a barrier. Closing (RESOLVED, ABANDONED) needs the result as note; a
   * closed barrier does not change any more (open a new one).
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param barrier the barrier
   * @param status the status
   * @param on the day it is evaluated on
   * @param note the note
   * @return the barrier
   * @throws org.tremplin.api.TremplinException {@code BARRIER_NOT_FOUND}, {@code BARRIER_CLOSED},
   *     {@code INVALID_ARGUMENT} for the current status again, a day before the last change, or a
   *     closing without a result
   */
  Barrier changeBarrierStatus(
      Actor actor,
      CohortId cohort,
      LearnerId learner,
      BarrierId barrier,
      BarrierStatus status,
      LocalDate on,
      String note);

  /**
   * The learner's barriers, by opening day.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's barriers, by opening day
   */
  List<Barrier> barriers(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * Adds an objective to the learner's action plan.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param objective the objective
   * @return the objective
   * @throws org.tremplin.api.TremplinException {@code BARRIER_NOT_FOUND} when it focuses on a
   *     barrier that is not the learner's
   */
  Objective addObjective(Actor actor, CohortId cohort, LearnerId learner, NewObjective objective);

  /**
   * Adds an action (TODO) to an objective.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param objective the objective
   * @param action the action
   * @return the action
   * @throws org.tremplin.api.TremplinException {@code OBJECTIVE_NOT_FOUND}
   */
  Action addAction(
      Actor actor, CohortId cohort, LearnerId learner, ObjectiveId objective, NewAction action);

  /**
   * Marks a TODO action DONE or CANCELLED.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param action the action
   * @param status the status
   * @return the action
   * @throws org.tremplin.api.TremplinException {@code ACTION_NOT_FOUND}, {@code
   *     ACTION_ALREADY_CLOSED}, {@code INVALID_ARGUMENT} for TODO
   */
  Action closeAction(
      Actor actor, CohortId cohort, LearnerId learner, ActionId action, ActionStatus status);

  /**
   * Records a referral to a partner.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param referral the referral
   * @return the referral
   */
  Referral refer(Actor actor, CohortId cohort, LearnerId learner, NewReferral referral);

  /**
   * The learner's action plan: objectives with actions, and referrals.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's action plan: objectives with actions, and referrals
   */
  ActionPlan actionPlan(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * Plans a company immersion (PMSMP) of at most one month: the last day is at the latest the day
   * before the same day of the next month.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param immersion the immersion
   * @return the workplace immersion
   * @throws org.tremplin.api.TremplinException {@code IMMERSION_TOO_LONG}
   */
  WorkplaceImmersion planImmersion(
      Actor actor, CohortId cohort, LearnerId learner, NewImmersion immersion);

  /**
   * The learner's company immersions, by first day.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's company immersions, by first day
   */
  List<WorkplaceImmersion> immersions(Actor actor, CohortId cohort, LearnerId learner);
}

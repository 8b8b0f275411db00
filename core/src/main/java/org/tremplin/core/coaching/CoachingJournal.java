package org.tremplin.core.coaching;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.coaching.Action;
import org.tremplin.api.coaching.ActionId;
import org.tremplin.api.coaching.ActionPlan;
import org.tremplin.api.coaching.ActionStatus;
import org.tremplin.api.coaching.Barrier;
import org.tremplin.api.coaching.BarrierId;
import org.tremplin.api.coaching.BarrierStatus;
import org.tremplin.api.coaching.BarrierStatusChange;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.CoachingService;
import org.tremplin.api.coaching.ConfidentialNote;
import org.tremplin.api.coaching.ImmersionId;
import org.tremplin.api.coaching.MeetingId;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.coaching.MeetingStatus;
import org.tremplin.api.coaching.NewAction;
import org.tremplin.api.coaching.NewBarrier;
import org.tremplin.api.coaching.NewImmersion;
import org.tremplin.api.coaching.NewObjective;
import org.tremplin.api.coaching.NewReferral;
import org.tremplin.api.coaching.Objective;
import org.tremplin.api.coaching.ObjectiveFocus;
import org.tremplin.api.coaching.ObjectiveId;
import org.tremplin.api.coaching.Referral;
import org.tremplin.api.coaching.ReferralId;
import org.tremplin.api.coaching.WorkplaceImmersion;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.api.event.MeetingRecorded;
import org.tremplin.api.learner.LearnerId;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.outbox.EventOutbox;
import org.tremplin.core.privacy.PrivacyOffice;

/**
 * {@link CoachingService} on its stores. Every call first checks the actor against the learner of
 * the cohort with their current referent coach (so a coach reaches their caseload only), then runs
 * in one transaction (writes) or on one handle (reads), checking that the learner joined the
 * cohort. Confidential notes are shown with {@code CONFIDENTIAL_NOTE_READ}; otherwise callers who
 * may write the learner's coaching records (managers) learn only that one exists, and others (the
 * learner) see none. Thread-safe.
 */
public final class CoachingJournal implements CoachingService {
  private final Database database;
  private final Meetings meetings;
  private final Barriers barriers;
  private final ActionPlans plans;
  private final Immersions immersions;
  private final CohortRegistry cohorts;
  private final LearnerRegistry learners;
  private final ReferentRegistry referents;
  private final PrivacyOffice privacy;
  private final EventOutbox events;
  private final AccessRules access;
  private final Clock clock;

  /** A journal on its stores and the registries it checks against. */
  public CoachingJournal(
      Database database,
      Meetings meetings,
      Barriers barriers,
      ActionPlans plans,
      Immersions immersions,
      CohortRegistry cohorts,
      LearnerRegistry learners,
      ReferentRegistry referents,
      PrivacyOffice privacy,
      EventOutbox events,
      AccessRules access,
      Clock clock) {
    this.database = database;
    this.meetings = meetings;
    this.barriers = barriers;
    this.plans = plans;
    this.immersions = immersions;
    this.cohorts = cohorts;
    this.learners = learners;
    this.referents = referents;
    this.privacy = privacy;
    this.events = events;
    this.access = access;
    this.clock = clock;
  }

  // --- meetings

  @Override
  public CoachingMeeting planMeeting(
      Actor actor, CohortId cohort, LearnerId learner, LocalDateTime plannedAt, String note) {
    TremplinException.required(plannedAt, "plannedAt");
    check(actor, Operation.COACHING_WRITE, cohort, learner);
    CoachingMeeting meeting =
        new CoachingMeeting(
            MeetingId.random(),
            cohort,
            learner,
            plannedAt,
            new MeetingStatus.Planned(),
            note,
            new ConfidentialNote.Absent(),
            actor.id(),
            clock.instant());
    return database.inTransaction(
        h -> {
          checkEnrolled(cohort, learner);
          meetings.insert(meeting);
          return meeting;
        });
  }

  @Override
  public CoachingMeeting recordOutcome(
      Actor actor, CohortId cohort, LearnerId learner, MeetingId meeting, MeetingOutcome outcome) {
    TremplinException.required(meeting, "meeting");
    TremplinException.required(outcome, "outcome");
    Target target = check(actor, Operation.COACHING_WRITE, cohort, learner);
    if (outcome instanceof MeetingOutcome.Held held && !held.confidentialNote().isEmpty()) {
      access.check(actor, Operation.CONFIDENTIAL_NOTE_READ, target);
    }
    Visibility visibility = visibility(actor, target);
    Instant now = clock.instant();
    CoachingMeeting recorded =
        database.inTransaction(
            h -> {
              checkEnrolled(cohort, learner);
              CoachingMeeting planned = meeting(cohort, learner, meeting);
              if (!(planned.status() instanceof MeetingStatus.Planned)) {
                throw alreadyRecorded(meeting);
              }
              LocalDateTime localNow = LocalDateTime.ofInstant(now, clock.getZone());
              TremplinException.check(
                  !planned.plannedAt().isAfter(localNow),
                  "meeting "
                      + meeting
                      + " is planned for "
                      + planned.plannedAt()
                      + ", still ahead");
              if (!meetings.recordOutcome(meeting, outcome, actor.id(), now)) {
                throw alreadyRecorded(meeting);
              }
              events.append(new MeetingRecorded(cohort, learner));
              return visibility.apply(meeting(cohort, learner, meeting));
            });
    return recorded;
  }

  @Override
  public List<CoachingMeeting> meetings(Actor actor, CohortId cohort, LearnerId learner) {
    Visibility visibility =
        visibility(actor, check(actor, Operation.COACHING_READ, cohort, learner));
    return database.read(
        h -> {
          checkEnrolled(cohort, learner);
          return meetings.byLearner(cohort, learner).stream().map(visibility::apply).toList();
        });
  }

  private CoachingMeeting meeting(CohortId cohort, LearnerId learner, MeetingId id) {
    return meetings
        .find(cohort, learner, id)
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.MEETING_NOT_FOUND,
                    "no meeting " + id + " of learner " + learner + " in cohort " + cohort));
  }

  private static TremplinException alreadyRecorded(MeetingId id) {
    return new TremplinException(
        ErrorCode.MEETING_OUTCOME_ALREADY_RECORDED,
        "the outcome of meeting " + id + " was already recorded");
  }

  /**
   * How much of a confidential note the actor sees: the text with {@code CONFIDENTIAL_NOTE_READ}
   * (the referent coach); that one exists for those who may write the learner's coaching records
   * (managers); nothing at all otherwise (the learner: not even that a note exists).
   */
  private Visibility visibility(Actor actor, Target target) {
    if (access.allows(actor, Operation.CONFIDENTIAL_NOTE_READ, target)) {
      return Visibility.TEXT;
    }
    return access.allows(actor, Operation.COACHING_WRITE, target)
        ? Visibility.EXISTENCE
        : Visibility.NOTHING;
  }

  /** What a caller sees of confidential notes. */
  private enum Visibility {
    TEXT,
    EXISTENCE,
    NOTHING;

    CoachingMeeting apply(CoachingMeeting m) {
      if (this == TEXT || !(m.confidentialNote() instanceof ConfidentialNote.Shown)) {
        return m;
      }
      return new CoachingMeeting(
          m.id(),
          m.cohort(),
          m.learner(),
          m.plannedAt(),
          m.status(),
          m.note(),
          this == EXISTENCE ? new ConfidentialNote.Withheld() : new ConfidentialNote.Absent(),
          m.plannedBy(),
          m.updatedAt());
    }
  }

  // --- barriers

  @Override
  public Barrier openBarrier(Actor actor, CohortId cohort, LearnerId learner, NewBarrier request) {
    TremplinException.required(request, "barrier");
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    notInFuture(request.openedOn(), "opening day");
    Barrier barrier =
        new Barrier(
            BarrierId.random(),
            cohort,
            learner,
            request.category(),
            request.severity(),
            request.openedOn(),
            request.description(),
            List.of(
                new BarrierStatusChange(
                    BarrierStatus.OPEN, request.openedOn(), "", actor.id(), clock.instant())));
    return database.inTransaction(
        h -> {
          checkEnrolled(cohort, learner);
          barriers.insert(barrier);
          return barrier;
        });
  }

  @Override
  public Barrier changeBarrierStatus(
      Actor actor,
      CohortId cohort,
      LearnerId learner,
      BarrierId barrier,
      BarrierStatus status,
      LocalDate on,
      String note) {
    TremplinException.required(barrier, "barrier");
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    BarrierStatusChange change =
        new BarrierStatusChange(status, on, note, actor.id(), clock.instant());
    notInFuture(on, "status change day");
    try {
      return database.inTransaction(
          h -> {
            checkEnrolled(cohort, learner);
            Barrier current = barrier(cohort, learner, barrier);
            BarrierTransitions.check(current, change);
            barriers.appendStatus(barrier, current.history().size() + 1, change);
            return barrier(cohort, learner, barrier);
          });
    } catch (TremplinException e) {
      if (Database.isUniqueViolation(e)) {
        throw new TremplinException(
            ErrorCode.INVALID_ARGUMENT,
            "the status of barrier " + barrier + " changed meanwhile; reload and retry",
            e);
      }
      throw e;
    }
  }

  @Override
  public List<Barrier> barriers(Actor actor, CohortId cohort, LearnerId learner) {
    check(actor, Operation.INSERTION_READ, cohort, learner);
    return database.read(
        h -> {
          checkEnrolled(cohort, learner);
          return barriers.byLearner(cohort, learner);
        });
  }

  private Barrier barrier(CohortId cohort, LearnerId learner, BarrierId id) {
    return barriers
        .find(cohort, learner, id)
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.BARRIER_NOT_FOUND,
                    "no barrier " + id + " of learner " + learner + " in cohort " + cohort));
  }

  // --- action plan

  @Override
  public Objective addObjective(
      Actor actor, CohortId cohort, LearnerId learner, NewObjective request) {
    TremplinException.required(request, "objective");
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    notInFuture(request.setOn(), "objective day");
    Objective objective =
        new Objective(
            ObjectiveId.random(), request.title(), request.focus(), request.setOn(), List.of());
    return database.inTransaction(
        h -> {
          checkEnrolled(cohort, learner);
          if (request.focus() instanceof ObjectiveFocus.OnBarrier b) {
            barrier(cohort, learner, b.barrier());
          }
          plans.insertObjective(cohort, learner, objective, actor.id(), clock.instant());
          return objective;
        });
  }

  @Override
  public Action addAction(
      Actor actor, CohortId cohort, LearnerId learner, ObjectiveId objective, NewAction request) {
    TremplinException.required(objective, "objective");
    TremplinException.required(request, "action");
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    Action action =
        new Action(
            ActionId.random(),
            objective,
            request.description(),
            request.owner(),
            request.dueOn(),
            ActionStatus.TODO);
    return database.inTransaction(
        h -> {
          checkEnrolled(cohort, learner);
          if (!plans.hasObjective(cohort, learner, objective)) {
            throw new TremplinException(
                ErrorCode.OBJECTIVE_NOT_FOUND,
                "no objective " + objective + " of learner " + learner + " in cohort " + cohort);
          }
          plans.insertAction(action, actor.id(), clock.instant());
          return action;
        });
  }

  @Override
  public Action closeAction(
      Actor actor, CohortId cohort, LearnerId learner, ActionId action, ActionStatus status) {
    TremplinException.required(action, "action");
    TremplinException.required(status, "status");
    TremplinException.check(
        status != ActionStatus.TODO, "an action is closed as DONE or CANCELLED, not TODO");
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    return database.inTransaction(
        h -> {
          checkEnrolled(cohort, learner);
          Action current =
              plans
                  .findAction(cohort, learner, action)
                  .orElseThrow(
                      () ->
                          new TremplinException(
                              ErrorCode.ACTION_NOT_FOUND,
                              "no action "
                                  + action
                                  + " of learner "
                                  + learner
                                  + " in cohort "
                                  + cohort));
          if (current.status() != ActionStatus.TODO
              || !plans.closeAction(action, status, actor.id(), clock.instant())) {
            throw new TremplinException(
                ErrorCode.ACTION_ALREADY_CLOSED,
                "action " + action + " is already " + current.status());
          }
          return new Action(
              current.id(),
              current.objective(),
              current.description(),
              current.owner(),
              current.dueOn(),
              status);
        });
  }

  @Override
  public Referral refer(Actor actor, CohortId cohort, LearnerId learner, NewReferral request) {
    TremplinException.required(request, "referral");
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    Referral referral =
        new Referral(
            ReferralId.random(), request.partner(), request.on(), request.purpose(), actor.id());
    return database.inTransaction(
        h -> {
          checkEnrolled(cohort, learner);
          plans.insertReferral(cohort, learner, referral, clock.instant());
          return referral;
        });
  }

  @Override
  public ActionPlan actionPlan(Actor actor, CohortId cohort, LearnerId learner) {
    check(actor, Operation.INSERTION_READ, cohort, learner);
    return database.read(
        h -> {
          checkEnrolled(cohort, learner);
          return new ActionPlan(
              cohort, learner, plans.objectives(cohort, learner), plans.referrals(cohort, learner));
        });
  }

  // --- immersions

  @Override
  public WorkplaceImmersion planImmersion(
      Actor actor, CohortId cohort, LearnerId learner, NewImmersion request) {
    TremplinException.required(request, "immersion");
    check(actor, Operation.INSERTION_WRITE, cohort, learner);
    ImmersionLengthRule.check(request.firstDay(), request.lastDay());
    WorkplaceImmersion immersion =
        new WorkplaceImmersion(
            ImmersionId.random(),
            cohort,
            learner,
            request.objective(),
            request.hostOrganisation(),
            request.tutor(),
            request.firstDay(),
            request.lastDay(),
            actor.id());
    return database.inTransaction(
        h -> {
          checkEnrolled(cohort, learner);
          immersions.insert(immersion, clock.instant());
          return immersion;
        });
  }

  @Override
  public List<WorkplaceImmersion> immersions(Actor actor, CohortId cohort, LearnerId learner) {
    check(actor, Operation.INSERTION_READ, cohort, learner);
    return database.read(
        h -> {
          checkEnrolled(cohort, learner);
          return immersions.byLearner(cohort, learner);
        });
  }

  // --- shared

  /** Checks the actor on the learner of the cohort, with the learner's current referent coach. */
  private Target check(Actor actor, Operation op, CohortId cohortId, LearnerId learner) {
    TremplinException.required(actor, "actor");
    TremplinException.required(learner, "learner");
    Cohort cohort = cohorts.cohort(cohortId);
    Target target =
        new Target.OfLearner(
            cohort.school(), cohort.id(), learner, referents.referentOf(learner).orElse(""));
    access.check(actor, op, target);
    privacy.audit(
        actor,
        op.name().endsWith("_READ") ? AuditAction.READ : AuditAction.CHANGE,
        learner,
        "coaching." + op.name().toLowerCase(java.util.Locale.ROOT));
    return target;
  }

  private void checkEnrolled(CohortId cohort, LearnerId learner) {
    try {
      learners.enrolmentOf(cohort, learner);
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ENROLMENT_NOT_ENROLLED) {
        throw new TremplinException(
            ErrorCode.LEARNER_NOT_ENROLLED,
            "learner " + learner + " never joined cohort " + cohort,
            e);
      }
      throw e;
    }
  }

  private void notInFuture(LocalDate day, String what) {
    LocalDate today = LocalDate.now(clock);
    TremplinException.check(
        !day.isAfter(today), what + " " + day + " is in the future (today is " + today + ")");
  }
}

package org.tremplin.core.coaching;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.ConfidentialNote;
import org.tremplin.api.coaching.MeetingId;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.coaching.MeetingStatus;
import org.tremplin.api.event.MeetingRecorded;
import org.tremplin.core.outbox.EventOutbox;
import org.tremplin.core.path.PathAccess;

/**
 * Coaching meetings: planned, then given an outcome once held or missed (which publishes {@link
 * org.tremplin.api.event.MeetingRecorded} in the outbox, in the same transaction). Confidential
 * notes are shown with {@code CONFIDENTIAL_NOTE_READ}; otherwise callers who may write the
 * learner's coaching records (managers) learn only that one exists, and others (the learner) see
 * none. Every call goes through {@link PathAccess}. Thread-safe.
 */
public final class MeetingJournal {
  private final PathAccess path;
  private final Meetings meetings;
  private final EventOutbox events;
  private final Clock clock;

  /**
   * A journal on its store, appending its events to the outbox in the change's transaction.
   *
   * @param path the path
   * @param meetings the meetings
   * @param events the event outbox
   * @param clock the clock read for "now"
   */
  public MeetingJournal(PathAccess path, Meetings meetings, EventOutbox events, Clock clock) {
    this.path = path;
    this.meetings = meetings;
    this.events = events;
    this.clock = clock;
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#planMeeting}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param plannedAt the planned at
   * @param note the note
   * @return the coaching meeting
   */
  public CoachingMeeting planMeeting(
      Actor actor, CohortId cohort, LearnerId learner, LocalDateTime plannedAt, String note) {
    TremplinException.required(plannedAt, "plannedAt");
    var granted = path.check(actor, Operation.COACHING_WRITE, cohort, learner);
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
    return granted.write(
        () -> {
          meetings.insert(meeting);
          return meeting;
        });
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#recordOutcome}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param meeting the meeting
   * @param outcome the outcome
   * @return the coaching meeting
   */
  public CoachingMeeting recordOutcome(
      Actor actor, CohortId cohort, LearnerId learner, MeetingId meeting, MeetingOutcome outcome) {
    TremplinException.required(meeting, "meeting");
    TremplinException.required(outcome, "outcome");
    var granted = path.check(actor, Operation.COACHING_WRITE, cohort, learner);
    if (outcome instanceof MeetingOutcome.Held held && !held.confidentialNote().isEmpty()) {
      granted.require(Operation.CONFIDENTIAL_NOTE_READ);
    }
    Visibility visibility = Visibility.of(granted);
    Instant now = clock.instant();
    CoachingMeeting recorded =
        granted.write(
            () -> {
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
              events.append(new MeetingRecorded(cohort, learner)); // same transaction
              return visibility.apply(meeting(cohort, learner, meeting));
            });
    return recorded;
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#meetings}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the coaching meetings
   */
  public List<CoachingMeeting> meetings(Actor actor, CohortId cohort, LearnerId learner) {
    var granted = path.check(actor, Operation.COACHING_READ, cohort, learner);
    Visibility visibility = Visibility.of(granted);
    return granted.read(
        () -> meetings.byLearner(cohort, learner).stream().map(visibility::apply).toList());
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

  /** What a caller sees of confidential notes. */
  private enum Visibility {
    TEXT,
    EXISTENCE,
    NOTHING;

    /**
     * The text with {@code CONFIDENTIAL_NOTE_READ} (the referent coach); that one exists for those
     * who may write the learner's coaching records (managers); nothing at all otherwise (the
     * learner: not even that a note exists).
     */
    static Visibility of(PathAccess.Granted granted) {
      if (granted.allows(Operation.CONFIDENTIAL_NOTE_READ)) {
        return TEXT;
      }
      return granted.allows(Operation.COACHING_WRITE) ? EXISTENCE : NOTHING;
    }

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
}

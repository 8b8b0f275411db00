package org.tremplin.core.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.CoachingService;
import org.tremplin.api.coaching.ConfidentialNote;
import org.tremplin.api.coaching.MeetingId;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.coaching.MeetingStatus;
import org.tremplin.api.coaching.MissedBy;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** Coaching meetings and who sees their confidential notes, on both databases. */
class CoachingMeetingIT {
  private static final LocalDateTime TUESDAY = LocalDateTime.of(2026, 1, 6, 10, 0);
  private static final LocalDateTime THURSDAY = LocalDateTime.of(2026, 1, 8, 14, 30);
  private static final String SECRET = "Hébergée chez une amie depuis l'expulsion.";

  private static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOf(TremplinException.class)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(code);
  }

  /** The fixture with coach-1 the referent of learner 0, and coach-2 the referent of learner 1. */
  private static CohortFixture caseloads(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    f.tremplin.referents().assign(f.manager, f.learner(0).id(), "coach-1", CohortFixture.START);
    f.tremplin.referents().assign(f.manager, f.learner(1).id(), "coach-2", CohortFixture.START);
    return f;
  }

  private static Actor otherCoach(CohortFixture f) {
    return Actor.of("coach-2", Role.COACH, new Scope.OfSchool(f.school.id()));
  }

  /** A meeting of learner 0 held on Tuesday with a confidential note, by their coach. */
  private static MeetingId heldWithSecret(CohortFixture f) {
    CoachingService coaching = f.tremplin.coaching();
    LearnerId a = f.learner(0).id();
    MeetingId id = coaching.planMeeting(f.coach, f.cohort.id(), a, TUESDAY, "Point logement").id();
    coaching.recordOutcome(
        f.coach, f.cohort.id(), a, id, new MeetingOutcome.Held("CV mis à jour.", SECRET));
    return id;
  }

  @AllDatabases
  void meetingsArePlannedHeldOrMissedAndListedByTime(TestDatabase db) {
    CohortFixture f = caseloads(db);
    CoachingService coaching = f.tremplin.coaching();
    LearnerId a = f.learner(0).id();

    CoachingMeeting later = coaching.planMeeting(f.coach, f.cohort.id(), a, THURSDAY, "");
    CoachingMeeting earlier = coaching.planMeeting(f.coach, f.cohort.id(), a, TUESDAY, "Agenda");
    assertThat(earlier.status()).isEqualTo(new MeetingStatus.Planned());
    assertThat(earlier.confidentialNote()).isEqualTo(new ConfidentialNote.Absent());

    CoachingMeeting held =
        coaching.recordOutcome(
            f.coach, f.cohort.id(), a, earlier.id(), new MeetingOutcome.Held("  Bilan fait. ", ""));
    CoachingMeeting missed =
        coaching.recordOutcome(
            f.coach,
            f.cohort.id(),
            a,
            later.id(),
            new MeetingOutcome.Missed(MissedBy.LEARNER, "Pas prévenu."));

    assertThat(held.note()).isEqualTo("Bilan fait.");
    assertThat(missed.status()).isEqualTo(new MeetingStatus.Missed(MissedBy.LEARNER));
    assertThat(coaching.meetings(f.coach, f.cohort.id(), a))
        .extracting(CoachingMeeting::id, CoachingMeeting::plannedAt, CoachingMeeting::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(earlier.id(), TUESDAY, new MeetingStatus.Held()),
            org.assertj.core.groups.Tuple.tuple(
                later.id(), THURSDAY, new MeetingStatus.Missed(MissedBy.LEARNER)));
    assertThat(coaching.meetings(f.coach, f.cohort.id(), a))
        .extracting(CoachingMeeting::note, CoachingMeeting::plannedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Bilan fait.", "coach-1"),
            org.assertj.core.groups.Tuple.tuple("Pas prévenu.", "coach-1"));
  }

  @AllDatabases
  void theReferentCoachReadsTheConfidentialNote(TestDatabase db) {
    CohortFixture f = caseloads(db);
    heldWithSecret(f);

    CoachingMeeting seen =
        f.tremplin.coaching().meetings(f.coach, f.cohort.id(), f.learner(0).id()).get(0);

    assertThat(seen.confidentialNote()).isEqualTo(new ConfidentialNote.Shown(SECRET));
    assertThat(seen.note()).isEqualTo("CV mis à jour.");
    assertThat(seen.toString()).doesNotContain("amie").doesNotContain("CV");
  }

  @AllDatabases
  void theManagerSeesOnlyThatAConfidentialNoteExists(TestDatabase db) {
    CohortFixture f = caseloads(db);
    heldWithSecret(f);

    CoachingMeeting seen =
        f.tremplin.coaching().meetings(f.manager, f.cohort.id(), f.learner(0).id()).get(0);

    assertThat(seen.note()).isEqualTo("CV mis à jour.");
    assertThat(seen.confidentialNote()).isEqualTo(new ConfidentialNote.Withheld());
    assertThat(seen.confidentialNote().exists()).isTrue();
  }

  @AllDatabases
  void theLearnerNeverSeesTheConfidentialNoteNorThatOneExists(TestDatabase db) {
    CohortFixture f = caseloads(db);
    heldWithSecret(f);

    CoachingMeeting seen =
        f.tremplin.coaching().meetings(f.asLearner(0), f.cohort.id(), f.learner(0).id()).get(0);

    assertThat(seen.note()).isEqualTo("CV mis à jour.");
    assertThat(seen.confidentialNote()).isEqualTo(new ConfidentialNote.Absent());
    assertCode(
        () -> f.tremplin.coaching().meetings(f.asLearner(0), f.cohort.id(), f.learner(1).id()),
        ErrorCode.ACCESS_DENIED);
  }

  @AllDatabases
  void aCoachOfAnotherCaseloadIsDeniedAndWritesNothing(TestDatabase db) {
    CohortFixture f = caseloads(db);
    MeetingId id = heldWithSecret(f);
    CoachingService coaching = f.tremplin.coaching();
    LearnerId a = f.learner(0).id();
    Actor other = otherCoach(f);

    assertCode(() -> coaching.meetings(other, f.cohort.id(), a), ErrorCode.ACCESS_DENIED);
    assertCode(
        () -> coaching.planMeeting(other, f.cohort.id(), a, THURSDAY, ""), ErrorCode.ACCESS_DENIED);
    assertCode(
        () ->
            coaching.recordOutcome(
                other, f.cohort.id(), a, id, new MeetingOutcome.Missed(MissedBy.COACH, "")),
        ErrorCode.ACCESS_DENIED);
    assertCode(
        () -> coaching.planMeeting(f.trainer, f.cohort.id(), a, THURSDAY, ""),
        ErrorCode.ACCESS_DENIED);

    assertThat(f.rows("tremplin_coaching_meeting")).isEqualTo(1);
    assertThat(coaching.meetings(f.coach, f.cohort.id(), a).get(0).status())
        .isEqualTo(new MeetingStatus.Held());
  }

  @AllDatabases
  void onlyWhoMayReadConfidentialNotesWritesThem(TestDatabase db) {
    CohortFixture f = caseloads(db);
    CoachingService coaching = f.tremplin.coaching();
    LearnerId a = f.learner(0).id();
    MeetingId id = coaching.planMeeting(f.manager, f.cohort.id(), a, TUESDAY, "").id();

    assertCode(
        () ->
            coaching.recordOutcome(
                f.manager, f.cohort.id(), a, id, new MeetingOutcome.Held("Vu.", SECRET)),
        ErrorCode.ACCESS_DENIED);
    assertThat(coaching.meetings(f.coach, f.cohort.id(), a).get(0).status())
        .isEqualTo(new MeetingStatus.Planned());

    CoachingMeeting held =
        coaching.recordOutcome(f.manager, f.cohort.id(), a, id, new MeetingOutcome.Held("Vu.", ""));
    assertThat(held.confidentialNote()).isEqualTo(new ConfidentialNote.Absent());
  }

  @AllDatabases
  void anOutcomeIsRecordedOnceForAMeetingThatHasTakenPlace(TestDatabase db) {
    CohortFixture f = caseloads(db);
    CoachingService coaching = f.tremplin.coaching();
    LearnerId a = f.learner(0).id();
    MeetingId id = heldWithSecret(f);
    MeetingId ahead =
        coaching
            .planMeeting(f.coach, f.cohort.id(), a, LocalDateTime.of(2026, 1, 12, 9, 0), "")
            .id();

    assertCode(
        () ->
            coaching.recordOutcome(
                f.coach, f.cohort.id(), a, id, new MeetingOutcome.Missed(MissedBy.COACH, "")),
        ErrorCode.MEETING_OUTCOME_ALREADY_RECORDED);
    assertCode(
        () ->
            coaching.recordOutcome(
                f.coach, f.cohort.id(), a, ahead, new MeetingOutcome.Held("", "")),
        ErrorCode.INVALID_ARGUMENT);
    assertCode(
        () ->
            coaching.recordOutcome(
                f.coach, f.cohort.id(), a, MeetingId.random(), new MeetingOutcome.Held("", "")),
        ErrorCode.MEETING_NOT_FOUND);
    assertThat(coaching.meetings(f.coach, f.cohort.id(), a))
        .extracting(CoachingMeeting::status)
        .containsExactly(new MeetingStatus.Held(), new MeetingStatus.Planned());
  }

  @AllDatabases
  void aRejectedMeetingLeavesNoRow(TestDatabase db) {
    CohortFixture f = caseloads(db);
    var stranger = f.newcomer("Inès", "Haddad");
    f.tremplin.referents().assign(f.manager, stranger.id(), "coach-1", CohortFixture.START);

    assertCode(
        () -> f.tremplin.coaching().planMeeting(f.coach, f.cohort.id(), stranger.id(), TUESDAY, ""),
        ErrorCode.LEARNER_NOT_ENROLLED);
    assertCode(
        () ->
            f.tremplin
                .coaching()
                .planMeeting(f.coach, f.cohort.id(), f.learner(0).id(), TUESDAY, "x".repeat(2001)),
        ErrorCode.INVALID_ARGUMENT);
    assertThat(f.rows("tremplin_coaching_meeting")).isZero();
  }
}

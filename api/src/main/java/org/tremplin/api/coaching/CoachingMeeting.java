package org.tremplin.api.coaching;

import java.time.Instant;
import java.time.LocalDateTime;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * A coaching meeting (entretien de suivi) of a learner with their coach, as the caller may see it.
 * Immutable.
 *
 * @param id its id
 * @param cohort the cohort the learner is in
 * @param learner the learner
 * @param plannedAt date and local time of the meeting (the school's time zone)
 * @param status planned, held or missed (by whom)
 * @param note the ordinary note, at most 2000 characters, possibly empty
 * @param confidentialNote the confidential note, shown only to who may read it
 * @param plannedBy who planned it (actor id)
 * @param updatedAt when it was planned or its outcome recorded
 */
public record CoachingMeeting(
    MeetingId id,
    CohortId cohort,
    LearnerId learner,
    LocalDateTime plannedAt,
    MeetingStatus status,
    String note,
    ConfidentialNote confidentialNote,
    String plannedBy,
    Instant updatedAt) {
  /** Longest ordinary note. */
  public static final int MAX_NOTE = 2000;

  /** Longest confidential note. */
  public static final int MAX_CONFIDENTIAL_NOTE = 4000;

  /**
   * All fields required; a planned meeting has no note yet.
   *
   * @param id the identifier
   * @param cohort the cohort
   * @param learner the learner
   * @param plannedAt the planned at
   * @param status the status
   * @param note the note
   * @param confidentialNote the confidential note
   * @param plannedBy the planned by
   * @param updatedAt the updated at
   */
  public CoachingMeeting {
    TremplinException.required(id, "id");
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    TremplinException.required(plannedAt, "plannedAt");
    TremplinException.required(status, "status");
    note = checkNote(note);
    TremplinException.required(confidentialNote, "confidentialNote");
    TremplinException.check(
        !(status instanceof MeetingStatus.Planned) || !confidentialNote.exists(),
        "a planned meeting has no confidential note");
    TremplinException.requiredText(plannedBy, "plannedBy");
    TremplinException.required(updatedAt, "updatedAt");
  }

  /** Checks an ordinary note (required, possibly empty, at most 2000 characters); strips it. */
  static String checkNote(String note) {
    TremplinException.required(note, "note");
    String stripped = note.strip();
    TremplinException.check(
        stripped.length() <= MAX_NOTE, "note is longer than " + MAX_NOTE + " characters");
    return stripped;
  }

  /** Never prints the notes (they must not reach logs). */
  @Override
  public String toString() {
    return "CoachingMeeting[id=" + id + ", plannedAt=" + plannedAt + ", status=" + status + "]";
  }
}

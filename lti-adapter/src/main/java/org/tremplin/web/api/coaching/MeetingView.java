package org.tremplin.web.api.coaching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.ConfidentialNote;
import org.tremplin.api.coaching.MeetingStatus;

/**
 * A coaching meeting as the caller may read it: the confidential note's text only for the learner's
 * referent coach; for a manager, {@code confidentialNote} is absent and {@code
 * confidentialNoteWithheld} true when one exists. Immutable.
 *
 * @param id the meeting's id
 * @param cohort the cohort's id
 * @param learner the learner's id
 * @param plannedAt when it is (or was) planned, the schools' local time
 * @param status {@code PLANNED}, {@code HELD}, {@code MISSED_LEARNER} or {@code MISSED_COACH}
 * @param note its ordinary note (the agenda while planned)
 * @param confidentialNote the confidential note's text, only for the referent coach
 * @param confidentialNoteWithheld whether a confidential note exists that this caller may not read
 * @param plannedBy the actor id who planned it
 * @param updatedAt when it last changed
 */
@Schema(name = "Meeting", description = "A coaching meeting.")
public record MeetingView(
    @Schema(example = "8c7b6a5f-4e3d-4c2b-9a1f-0e9d8c7b6a5f", format = "uuid") String id,
    @Schema(example = "9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d", format = "uuid") String cohort,
    @Schema(example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e", format = "uuid") String learner,
    @Schema(type = "string", format = "local-date-time", example = "2026-03-02T10:00:00")
        LocalDateTime plannedAt,
    @Schema(
            example = "HELD",
            allowableValues = {"PLANNED", "HELD", "MISSED_LEARNER", "MISSED_COACH"})
        String status,
    @Schema(example = "Point sur la recherche de stage") String note,
    @Schema(example = "Situation familiale difficile") @Nullable String confidentialNote,
    @Schema(example = "false") boolean confidentialNoteWithheld,
    @Schema(example = "coach-42") String plannedBy,
    @Schema(example = "2026-03-02T10:45:00Z") Instant updatedAt) {

  /**
   * The view of a meeting as core showed it to the caller.
   *
   * @param m the meeting
   * @return the view
   */
  public static MeetingView of(CoachingMeeting m) {
    String status;
    if (m.status() instanceof MeetingStatus.Held) {
      status = "HELD";
    } else if (m.status() instanceof MeetingStatus.Missed missed) {
      status = "MISSED_" + missed.by().name();
    } else {
      status = "PLANNED";
    }
    return new MeetingView(
        m.id().value().toString(),
        m.cohort().value().toString(),
        m.learner().value().toString(),
        m.plannedAt(),
        status,
        m.note(),
        m.confidentialNote() instanceof ConfidentialNote.Shown shown ? shown.text() : null,
        m.confidentialNote() instanceof ConfidentialNote.Withheld,
        m.plannedBy(),
        m.updatedAt());
  }

  /**
   * A learner's meetings: the past ones (newest first, including planned ones whose time has passed
   * without an outcome) and the next ones (soonest first).
   *
   * @param past the meetings whose time has come, newest first
   * @param next the planned meetings still ahead, soonest first
   * @param confidentialNotesWithheld how many confidential notes exist that this caller may not
   *     read (a manager's "1 note confidentielle (réservée au référent)")
   */
  @Schema(name = "MeetingList")
  public record MeetingList(
      List<MeetingView> past,
      List<MeetingView> next,
      @Schema(example = "0") int confidentialNotesWithheld) {}
}

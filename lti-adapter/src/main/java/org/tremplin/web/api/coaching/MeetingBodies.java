package org.tremplin.web.api.coaching;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** The bodies of the coaching writes. */
final class MeetingBodies {
  private MeetingBodies() {}

  /** What happened at a meeting. */
  enum Outcome {
    /** It was held. */
    HELD,
    /** The learner did not come. */
    MISSED_LEARNER,
    /** The coach could not hold it. */
    MISSED_COACH
  }

  /**
   * A meeting to plan, or (with an outcome) one to record as it happened.
   *
   * @param plannedAt when, the schools' local time; for a recorded meeting, now when absent
   * @param note the agenda, or the meeting's note once recorded
   * @param outcome what happened; absent to plan a meeting ahead
   * @param confidentialNote the confidential note of a held meeting (the referent coach only)
   */
  @Schema(name = "NewMeeting")
  record NewMeeting(
      @Schema(type = "string", format = "local-date-time", example = "2026-03-09T10:00:00")
          @Nullable LocalDateTime plannedAt,
      @Schema(example = "Point sur la recherche de stage") @Nullable String note,
      @Nullable Outcome outcome,
      @Schema(example = "Situation familiale difficile") @Nullable String confidentialNote) {}

  /**
   * The outcome of a planned meeting.
   *
   * @param outcome what happened
   * @param note the meeting's note (replaces the agenda)
   * @param confidentialNote the confidential note of a held meeting (the referent coach only)
   */
  @Schema(name = "MeetingOutcome")
  record RecordOutcome(
      @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
          Outcome outcome,
      @Schema(example = "Point sur la recherche de stage") @Nullable String note,
      @Schema(example = "Situation familiale difficile") @Nullable String confidentialNote) {}
}

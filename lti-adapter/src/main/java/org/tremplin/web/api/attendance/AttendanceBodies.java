package org.tremplin.web.api.attendance;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDayPart;

/** The bodies and replies of attendance. */
final class AttendanceBodies {
  private AttendanceBodies() {}

  /**
   * One half-day to record.
   *
   * @param learner the learner's id
   * @param date the day
   * @param part morning or afternoon
   * @param mark what to record
   * @param lateMinutes minutes late, for {@code LATE} only (1 to 210)
   */
  @Schema(name = "AttendanceEntry")
  record Entry(
      @JsonProperty(required = true)
          @Schema(
              example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e",
              format = "uuid",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String learner,
      @JsonProperty(required = true)
          @Schema(example = "2026-03-02", requiredMode = Schema.RequiredMode.REQUIRED)
          LocalDate date,
      @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
          HalfDayPart part,
      @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Mark mark,
      @Schema(example = "0") @Nullable Integer lateMinutes) {}

  /**
   * A batch of half-days, recorded together or not at all.
   *
   * @param entries the half-days, at least one
   */
  @Schema(name = "AttendanceBatch")
  record Batch(
      @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
          List<Entry> entries) {}

  /**
   * A correction of a recorded half-day.
   *
   * @param mark the right mark
   * @param lateMinutes minutes late, for {@code LATE} only
   * @param reason why it is corrected
   */
  @Schema(name = "AttendanceCorrection")
  record Correction(
      @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Mark mark,
      @Schema(example = "0") @Nullable Integer lateMinutes,
      @JsonProperty(required = true)
          @Schema(example = "Justification received", requiredMode = Schema.RequiredMode.REQUIRED)
          String reason) {}

  /**
   * The current sheet of a day.
   *
   * @param cohort the cohort's id
   * @param date the day
   * @param records the latest version of each recorded half-day
   */
  @Schema(name = "AttendanceSheet")
  record Sheet(
      @Schema(example = "9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d", format = "uuid") String cohort,
      @Schema(example = "2026-03-02") LocalDate date,
      List<AttendanceView> records) {}

  /**
   * What a batch recorded.
   *
   * @param records the records made
   */
  @Schema(name = "AttendanceRecorded")
  record Recorded(List<AttendanceView> records) {}

  /**
   * One learner's half-day, every version.
   *
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param date the day
   * @param part morning or afternoon
   * @param versions every version, oldest first; empty when never recorded
   */
  @Schema(name = "AttendanceHalfDay")
  record HalfDayHistory(
      @Schema(example = "9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d", format = "uuid") String cohort,
      @Schema(example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e", format = "uuid") String learner,
      @Schema(example = "2026-03-02") LocalDate date,
      HalfDayPart part,
      List<AttendanceView> versions) {}
}

package org.tremplin.web.api.attendance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDayPart;

/**
 * One version of a learner's half-day of attendance. Immutable.
 *
 * @param learner the learner's id
 * @param date the day
 * @param part morning or afternoon
 * @param version 1 for the first record, then one more per correction
 * @param mark what was recorded
 * @param lateMinutes minutes late, for {@code LATE}; 0 otherwise
 * @param recordedBy the actor id who recorded it
 * @param recordedAt when
 * @param reason why it was corrected; empty for a first record
 */
@Schema(name = "AttendanceRecord", description = "One version of a learner's half-day.")
public record AttendanceView(
    @Schema(example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e", format = "uuid") String learner,
    @Schema(example = "2026-03-02") LocalDate date,
    HalfDayPart part,
    @Schema(example = "1") int version,
    Mark mark,
    @Schema(example = "0") int lateMinutes,
    @Schema(example = "token:3f2a0c1d9e8b4a7c6d5e4f3a2b1c0d9e") String recordedBy,
    @Schema(example = "2026-03-02T12:05:00Z") Instant recordedAt,
    @Schema(example = "") String reason) {

  /**
   * The view of a record.
   *
   * @param record the record
   * @return the view
   */
  public static AttendanceView of(AttendanceRecord record) {
    return new AttendanceView(
        record.learner().value().toString(),
        record.halfDay().date(),
        record.halfDay().part(),
        record.version(),
        record.mark().mark(),
        record.mark().lateMinutes(),
        record.recordedBy(),
        record.recordedAt(),
        record.reason());
  }
}

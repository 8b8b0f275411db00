package org.tremplin.api.attendance;

import java.time.Instant;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.HalfDay;

/**
 * One stored version of a learner's mark for a half-day. Version 1 is the original record; each
 * correction appends the next version with who, when and why.
 *
 * @param cohort the cohort
 * @param learner the learner
 * @param halfDay the half-day
 * @param version 1 for the original, then 2, 3...
 * @param mark the mark of this version
 * @param recordedBy who wrote this version
 * @param recordedAt when
 * @param reason why it was corrected (empty for version 1)
 */
public record AttendanceRecord(
    CohortId cohort,
    LearnerId learner,
    HalfDay halfDay,
    int version,
    AttendanceMark mark,
    String recordedBy,
    Instant recordedAt,
    String reason) {
  /**
   * All fields required; corrections have a reason.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param halfDay the half day
   * @param version the version
   * @param mark the mark
   * @param recordedBy the recorded by
   * @param recordedAt the recorded at
   * @param reason the reason
   */
  public AttendanceRecord {
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    TremplinException.required(halfDay, "half-day");
    TremplinException.check(version >= 1, "version starts at 1");
    TremplinException.required(mark, "mark");
    TremplinException.requiredText(recordedBy, "recordedBy");
    TremplinException.required(recordedAt, "recordedAt");
    TremplinException.required(reason, "reason");
    TremplinException.check(version == 1 || !reason.isBlank(), "a correction needs a reason");
  }

  /**
   * Whether this version corrects an earlier one.
   *
   * @return whether this version corrects an earlier one
   */
  public boolean isCorrection() {
    return version > 1;
  }
}

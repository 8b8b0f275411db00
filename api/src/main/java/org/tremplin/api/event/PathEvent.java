package org.tremplin.api.event;

import org.tremplin.api.CohortId;

/**
 * Something that happened on a learner's path and that other features react to (early-warning
 * alerts, grades sent back to the LMS). Events carry ids and codes only: no names, no notes, no
 * free text. Immutable and thread-safe.
 */
public sealed interface PathEvent permits AttendanceRecorded, MeetingRecorded, AssessmentRecorded {
  /**
   * The cohort concerned.
   *
   * @return the cohort concerned
   */
  CohortId cohort();
}

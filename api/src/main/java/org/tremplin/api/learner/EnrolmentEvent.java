package org.tremplin.api.learner;

import java.time.Instant;
import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * One entry of a learner's enrolment history in a cohort.
 *
 * @param kind joined, left or re-entered
 * @param date the day it takes effect (for LEFT: the first day no longer enrolled)
 * @param reason why (required for LEFT; empty otherwise allowed)
 * @param recordedBy who recorded it
 * @param recordedAt when it was recorded
 */
public record EnrolmentEvent(
    EnrolmentEventKind kind, LocalDate date, String reason, String recordedBy, Instant recordedAt) {
  /**
   * All fields required; LEFT needs a reason.
   *
   * @param kind the kind
   * @param date the day
   * @param reason the reason
   * @param recordedBy the recorded by
   * @param recordedAt the recorded at
   */
  public EnrolmentEvent {
    TremplinException.required(kind, "event kind");
    TremplinException.required(date, "event date");
    TremplinException.required(reason, "reason");
    TremplinException.requiredText(recordedBy, "recordedBy");
    TremplinException.required(recordedAt, "recordedAt");
    TremplinException.check(
        kind != EnrolmentEventKind.LEFT || !reason.isBlank(), "leaving needs a reason");
  }
}

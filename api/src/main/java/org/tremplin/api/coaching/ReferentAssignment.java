package org.tremplin.api.coaching;

import java.time.Instant;
import java.time.LocalDate;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * A learner's referent coach from a date. Assignments are append-only: the newest one on a date is
 * the referent then.
 *
 * @param learner the learner
 * @param coach the coach's actor id
 * @param since first day
 * @param assignedBy who assigned
 * @param assignedAt when it was recorded
 */
public record ReferentAssignment(
    LearnerId learner, String coach, LocalDate since, String assignedBy, Instant assignedAt) {
  /**
   * All fields required.
   *
   * @param learner the learner
   * @param coach the coach
   * @param since the since
   * @param assignedBy the assigned by
   * @param assignedAt the assigned at
   */
  public ReferentAssignment {
    TremplinException.required(learner, "learner");
    TremplinException.requiredText(coach, "coach");
    TremplinException.check(coach.length() <= 200, "coach id is longer than 200 characters");
    TremplinException.required(since, "since");
    TremplinException.requiredText(assignedBy, "assignedBy");
    TremplinException.required(assignedAt, "assignedAt");
  }
}

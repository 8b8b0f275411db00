package org.tremplin.api.privacy;

import java.time.Instant;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * One line of the audit trail: who did what with which kind of data of a learner, and when. It
 * names the kind of data, never its content.
 *
 * @param at when
 * @param actor the actor's id
 * @param action read, change, export or erase
 * @param learner whose data
 * @param what the kind of data, e.g. {@code coaching.meeting}, {@code insertion.exit}
 */
public record AuditEntry(
    Instant at, String actor, AuditAction action, LearnerId learner, String what) {
  /**
   * All fields required; {@code what} is a short code (at most 100 characters).
   *
   * @param at the instant
   * @param actor who calls, checked against the access rules
   * @param action the action
   * @param learner the learner
   * @param what the what
   */
  public AuditEntry {
    TremplinException.required(at, "at");
    TremplinException.requiredText(actor, "actor");
    TremplinException.required(action, "action");
    TremplinException.required(learner, "learner");
    TremplinException.requiredText(what, "what");
    TremplinException.check(what.length() <= 100, "audit 'what' is longer than 100 characters");
  }
}

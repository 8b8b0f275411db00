package org.tremplin.lti;

import org.tremplin.api.ErrorCode;

/**
 * Stable codes of the adapter's own failures, carried by {@link LtiException}. Codes never change
 * meaning once released; clients and tests match on them, never on message text. The HTTP layer
 * maps them by {@link #kind()} like core's codes (CONFLICT → 409). Thread-safe (immutable enum).
 */
public enum LtiErrorCode {
  /**
   * An LMS user or course is already linked to another person, learner or cohort; links are never
   * re-pointed silently.
   */
  LTI_LINK_CONFLICT(ErrorCode.Kind.CONFLICT),

  /**
   * The platform's gradebook service could not be reached or asked to come back later (network,
   * 5xx, 409, 429, a token refused): the score waits in the outbox and is tried again.
   */
  LTI_GRADEBOOK_UNAVAILABLE(ErrorCode.Kind.INTERNAL),

  /** The platform's gradebook service refused a request for good (a 4xx other than 401/409/429). */
  LTI_GRADEBOOK_REFUSED(ErrorCode.Kind.INVALID);

  private final ErrorCode.Kind kind;

  LtiErrorCode(ErrorCode.Kind kind) {
    this.kind = kind;
  }

  /** What kind of failure this is, in core's classes (for HTTP statuses and exit codes). */
  public ErrorCode.Kind kind() {
    return kind;
  }
}

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
  LTI_LINK_CONFLICT(ErrorCode.Kind.CONFLICT);

  private final ErrorCode.Kind kind;

  LtiErrorCode(ErrorCode.Kind kind) {
    this.kind = kind;
  }

  /**
   * What kind of failure this is, in core's classes (for HTTP statuses and exit codes).
   *
   * @return what kind of failure this is, in core's classes (for HTTP statuses and exit codes)
   */
  public ErrorCode.Kind kind() {
    return kind;
  }
}

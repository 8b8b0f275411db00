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
   * A platform service (token endpoint, NRPS, AGS) could not be reached, timed out or answered a
   * server error (5xx): try again later.
   */
  LTI_SERVICE_UNREACHABLE(ErrorCode.Kind.INTERNAL),

  /**
   * The platform's token endpoint refused the tool's client assertion or the scopes asked (a 4xx
   * answer): the registration or the platform's tool settings need attention.
   */
  LTI_SERVICE_TOKEN_REFUSED(ErrorCode.Kind.INTERNAL),

  /** A platform service still answered 401 after a fresh token (LTI.md §5: one retry only). */
  LTI_SERVICE_UNAUTHORIZED(ErrorCode.Kind.INTERNAL),

  /** A platform service answered something that cannot be read (not JSON, fields missing). */
  LTI_SERVICE_BAD_RESPONSE(ErrorCode.Kind.INTERNAL),

  /** A platform service answered a client error (4xx other than 401) to a service call. */
  LTI_SERVICE_REFUSED(ErrorCode.Kind.INTERNAL),

  /**
   * The course's launches carry no endpoint of this service, or not the scope it needs: the
   * platform does not offer it for this course.
   */
  LTI_SERVICE_NOT_OFFERED(ErrorCode.Kind.NOT_FOUND),

  /**
   * A roster read could not be applied to the cohort: the domain refused a change (the cohort's
   * dates, a learner of another school...). Nothing of the sync was written.
   */
  LTI_ROSTER_REFUSED(ErrorCode.Kind.CONFLICT),

  /** No staff person has this person id: nothing to export or erase (ADR 0026). */
  LTI_PERSON_NOT_FOUND(ErrorCode.Kind.NOT_FOUND),

  /**
   * The person id is a learner's: a learner is exported and erased with their whole file, through
   * the privacy office, not as staff.
   */
  LTI_PERSON_IS_LEARNER(ErrorCode.Kind.CONFLICT),

  /**
   * The staff person is still the referent coach of learners: give them another coach first, so no
   * learner is left followed by a person nobody can name.
   */
  LTI_PERSON_IS_REFERENT(ErrorCode.Kind.CONFLICT);

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

package org.tremplin.lti.login;

/**
 * Why a login initiation was refused (LTI.md §1). Every refusal is an HTTP 400 page, never a
 * redirect. The codes are stable: logs, pages and tests use them.
 */
public enum LoginError {
  /** A parameter was sent more than once. */
  PARAMETER_REPEATED,
  /** {@code iss} is missing or empty. */
  ISSUER_MISSING,
  /** {@code login_hint} is missing or empty. */
  LOGIN_HINT_MISSING,
  /** {@code target_link_uri} is missing or empty. */
  TARGET_LINK_URI_MISSING,
  /** {@code target_link_uri} is not one of the tool's URLs (no open redirect, §1.3). */
  TARGET_LINK_URI_NOT_OURS,
  /** No registration for (iss, client_id), or several for iss alone (§1.2). */
  REGISTRATION_UNKNOWN,
  /**
   * A value the tool keeps until the launch cannot be kept as sent: {@code lti_deployment_id}
   * empty-but-present is ignored, but one longer than 255 or holding a control character is
   * refused, and so is a {@code target_link_uri} longer than 2,000 characters.
   */
  PARAMETER_INVALID;

  /**
   * The HTTP status of the error page.
   *
   * @return the HTTP status of the error page
   */
  public int httpStatus() {
    return 400;
  }
}

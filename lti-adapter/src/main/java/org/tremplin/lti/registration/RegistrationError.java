package org.tremplin.lti.registration;

/**
 * Why a Dynamic Registration was refused (LTI.md §7), each with a stable code and the HTTP status
 * the tool answers with: 4xx when the request or the platform's data is wrong, 502 when the
 * platform cannot be reached or refuses.
 */
public enum RegistrationError {
  /**
   * The installation requires a registration key ({@code tremplin.lti.registration-key}) and the
   * registration URL did not carry it (or carried another one).
   */
  REGISTRATION_KEY_INVALID(403),
  /**
   * Dynamic registration is not enabled: the operator has set neither a registration key, nor the
   * allowed platform hosts ({@code tremplin.lti.registration.allowed-hosts}), nor opened it on
   * purpose ({@code tremplin.lti.registration.open=true}).
   */
  REGISTRATION_CLOSED(403),
  /**
   * The {@code openid_configuration} URL's host is not among the allowed platform hosts ({@code
   * tremplin.lti.registration.allowed-hosts}); nothing was fetched.
   */
  HOST_NOT_ALLOWED(403),
  /** No {@code openid_configuration} parameter. */
  OPENID_CONFIGURATION_MISSING(400),
  /** The {@code openid_configuration} parameter is not an absolute http(s) URL. */
  OPENID_CONFIGURATION_MALFORMED(400),
  /** The {@code registration_token} parameter is too long or holds non-printable characters. */
  REGISTRATION_TOKEN_MALFORMED(400),
  /**
   * The platform's configuration (or its registration endpoint) could not be read: an address the
   * tool may not connect to, no connection, the deadline passed, an HTTP status other than 200, a
   * body too large, not JSON or lacking a field. One code for all, so that registration cannot be
   * used to probe a network; the log says which.
   */
  PLATFORM_UNREACHABLE(502),
  /**
   * No longer returned (an unreadable configuration is {@link #PLATFORM_UNREACHABLE}); kept so that
   * the code stays known.
   */
  PLATFORM_CONFIGURATION_INVALID(502),
  /** The issuer or an endpoint lives on another host than the configuration (LTI.md §7). */
  HOST_MISMATCH(400),
  /** The platform answered the registration with an error, or without a client id. */
  PLATFORM_REFUSED(502),
  /**
   * The configuration already holds a registration with the same issuer and client id (a stored one
   * is updated instead: Moodle's "Update").
   */
  ALREADY_REGISTERED(409);

  private final int httpStatus;

  RegistrationError(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /**
   * The HTTP status of the page that reports this error.
   *
   * @return the HTTP status of the page that reports this error
   */
  public int httpStatus() {
    return httpStatus;
  }
}

package org.tremplin.lti.login;

import java.net.URI;

/** The result of a login initiation: a redirect to the platform, or a refusal with its code. */
public sealed interface LoginOutcome {

  /**
   * Redirect (302) the browser to {@code location}, after storing {@code loginState} and setting
   * its binding cookie ({@link LoginState#setCookieHeader()}).
   *
   * @param location the platform's authorisation URL with the §1.4 parameters
   * @param loginState the state to keep until the launch (already stored)
   */
  record Redirect(URI location, LoginState loginState) implements LoginOutcome {}

  /**
   * Refused: answer an HTTP 400 page, never a redirect.
   *
   * @param error the stable reason code
   */
  record Rejected(LoginError error) implements LoginOutcome {}
}

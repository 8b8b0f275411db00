package org.tremplin.lti.login;

import java.net.URI;
import java.util.Objects;

/**
 * The result of a login initiation: a redirect to the platform, the same redirect preceded by a
 * platform-storage page (§1.6), or a refusal with its code.
 */
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
   * Platform storage was offered ({@code lti_storage_target}): answer a page (200) that writes the
   * binding to platform storage and then navigates to {@code location}, the very URL the 302 would
   * have used; set the binding cookie too, it may work.
   *
   * @param location the platform's authorisation URL with the §1.4 parameters
   * @param loginState the state to keep until the launch (already stored, with its storage target)
   */
  record StoreThenRedirect(URI location, LoginState loginState) implements LoginOutcome {

    /**
     * The frame of the platform's parent window to post to (or {@code _parent}).
     *
     * @return the frame of the platform's parent window to post to (or {@code _parent})
     */
    public String storageTarget() {
      return Objects.requireNonNull(loginState.storageTarget());
    }

    /**
     * The origin platform-storage messages are posted to and accepted from: that of the platform's
     * OIDC authorisation URL, e.g. {@code https://sso.canvaslms.com}.
     *
     * @return the origin platform-storage messages are posted to and accepted from: that of the
     *     platform's OIDC authorisation URL, e.g
     */
    public String platformOrigin() {
      return PlatformStorage.origin(loginState.registration().authUrl());
    }
  }

  /**
   * Refused: answer an HTTP 400 page, never a redirect.
   *
   * @param error the stable reason code
   */
  record Rejected(LoginError error) implements LoginOutcome {}
}

package org.tremplin.lti.identity;

import java.util.Objects;

/**
 * A user as a platform knows them: identity is (issuer, client_id, sub), never a name or an e-mail
 * (LTI.md §3). Immutable.
 *
 * @param issuer the platform issuer
 * @param clientId the client id the platform gave the tool
 * @param sub the user id at the platform (at most 255 characters)
 */
public record PlatformUser(String issuer, String clientId, String sub) {
  /**
   * All three required, {@code sub} non-blank and at most 255 characters.
   *
   * @param issuer the platform's issuer
   * @param clientId the client id the platform gave the tool
   * @param sub the sub
   */
  public PlatformUser {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(sub, "sub");
    if (sub.isBlank() || sub.length() > 255) {
      throw new IllegalArgumentException("sub must be 1 to 255 characters");
    }
  }
}

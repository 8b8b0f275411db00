package org.tremplin.lti.session;

import java.util.Objects;

/**
 * A session just opened, with the opaque token the browser carries. The token is given out once,
 * here; the store keeps only its hash. Immutable. Its {@code toString} hides the token: it must
 * never reach a log.
 *
 * @param token the opaque bearer token (256 random bits, base64url without padding)
 * @param session the session it opens
 */
public record IssuedSession(String token, AppSession session) {

  /**
   * Requires both parts.
   *
   * @param token the session token
   * @param session the session
   */
  public IssuedSession {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(session, "session");
  }

  @Override
  public String toString() {
    return "IssuedSession[personId="
        + session.personId()
        + ", expiresAt="
        + session.expiresAt()
        + "]";
  }
}

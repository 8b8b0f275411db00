package org.tremplin.web.session;

import java.time.Duration;

/**
 * The app's session cookie ({@code tremplin_session}): a copy of the session token for browsers
 * that keep third-party cookies, {@code Partitioned} (CHIPS) so it works inside the LMS iframe
 * where allowed. Links and forms carry the token too, since many browsers block such cookies.
 * Stateless.
 */
public final class SessionCookie {
  /** The cookie's name. */
  public static final String NAME = "tremplin_session";

  /** The query or form parameter carrying the token. */
  public static final String PARAMETER = "session";

  private SessionCookie() {}

  /**
   * The raw {@code Set-Cookie} value (JAX-RS has no API for {@code Partitioned}): {@code Secure;
   * HttpOnly; SameSite=None; Partitioned}, limited to {@code /app}.
   *
   * @param token the session token
   * @param maxAge the max age
   * @return the raw {@code Set-Cookie} value (JAX-RS has no API for {@code Partitioned}): {@code
   *     Secure; HttpOnly; SameSite=None; Partitioned}, limited to {@code /app}
   */
  public static String setCookie(String token, Duration maxAge) {
    return NAME
        + "="
        + token
        + "; Path=/app; Max-Age="
        + maxAge.toSeconds()
        + "; Secure; HttpOnly; SameSite=None; Partitioned";
  }
}

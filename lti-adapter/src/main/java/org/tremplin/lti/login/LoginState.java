package org.tremplin.lti.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.registration.PlatformRegistration;

/**
 * What the tool remembers between the login and the launch, keyed by {@code state} (LTI.md §1.5).
 * Immutable. Its {@code toString} hides the state and nonce: they must never reach a log.
 *
 * @param state the random state sent to the platform; also the key
 * @param registration the platform registration the login was for
 * @param nonce the random nonce sent to the platform; the id_token must carry it back
 * @param targetLinkUri the login's {@code target_link_uri}
 * @param deploymentIdHint the login's {@code lti_deployment_id}, if sent
 * @param expiresAt when the state stops being accepted
 */
public record LoginState(
    String state,
    PlatformRegistration registration,
    String nonce,
    String targetLinkUri,
    @Nullable String deploymentIdHint,
    Instant expiresAt) {

  /** How long a login state lives: about ten minutes (§1.5). */
  public static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

  /** The prefix of the per-login browser-binding cookie. */
  public static final String COOKIE_PREFIX = "lti1p3_";

  /** Requires non-empty state and nonce. */
  public LoginState {
    Objects.requireNonNull(registration, "registration");
    Objects.requireNonNull(targetLinkUri, "targetLinkUri");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (state.isEmpty() || nonce.isEmpty()) {
      throw new IllegalArgumentException("state and nonce must not be empty");
    }
  }

  /** The name of the cookie binding this login to the browser: {@code lti1p3_<state>}. */
  public String cookieName() {
    return cookieName(state);
  }

  /** The binding cookie's name for a state value, as read back at launch. */
  public static String cookieName(String state) {
    return COOKIE_PREFIX + state;
  }

  /**
   * The raw {@code Set-Cookie} header value binding this login to the browser (§1.5): the value is
   * the state itself, {@code Secure; HttpOnly; SameSite=None; Partitioned}, ten minutes. Raw,
   * because JAX-RS has no API for {@code Partitioned}.
   */
  public String setCookieHeader() {
    return cookieName()
        + "="
        + state
        + "; Path=/; Max-Age="
        + TIME_TO_LIVE.toSeconds()
        + "; Secure; HttpOnly; SameSite=None; Partitioned";
  }

  /** Whether the state has expired at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "LoginState[registration=" + registration.name() + ", expiresAt=" + expiresAt + "]";
  }
}

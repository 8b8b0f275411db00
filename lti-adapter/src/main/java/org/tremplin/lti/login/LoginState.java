package org.tremplin.lti.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
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
 * @param storageTarget the login's {@code lti_storage_target} when the platform offered platform
 *     storage (§1.6): the binding was also written there, and the launch may read it back from
 *     there instead of the cookie; {@code null} for a cookie-only login
 */
public record LoginState(
    String state,
    PlatformRegistration registration,
    String nonce,
    String targetLinkUri,
    @Nullable String deploymentIdHint,
    Instant expiresAt,
    @Nullable String storageTarget) {

  /** How long a login state lives: about ten minutes (§1.5). */
  public static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

  /** The prefix of the per-login browser-binding cookie. */
  public static final String COOKIE_PREFIX = "lti1p3_";

  /** The prefix of the platform-storage key holding the binding under the state (§1.6). */
  public static final String STORAGE_STATE_PREFIX = "lti_state_";

  /** The prefix of the platform-storage key holding the binding under the nonce (§1.6). */
  public static final String STORAGE_NONCE_PREFIX = "lti_nonce_";

  /**
   * A cookie-only login state (no platform storage).
   *
   * @param state the login state
   * @param registration the registration
   * @param nonce the nonce
   * @param targetLinkUri the target link uri
   * @param deploymentIdHint the deployment id hint
   * @param expiresAt the expires at
   */
  public LoginState(
      String state,
      PlatformRegistration registration,
      String nonce,
      String targetLinkUri,
      @Nullable String deploymentIdHint,
      Instant expiresAt) {
    this(state, registration, nonce, targetLinkUri, deploymentIdHint, expiresAt, null);
  }

  /**
   * Requires non-empty state and nonce, and a non-empty storage target when there is one.
   *
   * @param state the login state
   * @param registration the registration
   * @param nonce the nonce
   * @param targetLinkUri the target link uri
   * @param deploymentIdHint the deployment id hint
   * @param expiresAt the expires at
   * @param storageTarget the storage target
   */
  public LoginState {
    Objects.requireNonNull(registration, "registration");
    Objects.requireNonNull(targetLinkUri, "targetLinkUri");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (state.isEmpty() || nonce.isEmpty()) {
      throw new IllegalArgumentException("state and nonce must not be empty");
    }
    if (storageTarget != null && storageTarget.isEmpty()) {
      throw new IllegalArgumentException("storageTarget must not be empty");
    }
  }

  /**
   * Whether the login also wrote its binding to platform storage (§1.6).
   *
   * @return whether the login also wrote its binding to platform storage (§1.6)
   */
  public boolean usesPlatformStorage() {
    return storageTarget != null;
  }

  /**
   * The value binding this login to the browser: the cookie's value, and the value written to
   * platform storage under {@link #storageStateKey()} and {@link #storageNonceKey()}. It is {@link
   * #bindingOf the digest of the state}, so that the cookie stays small whatever the state's length
   * (a signed state is a few hundred characters, and a browser sends every live binding cookie with
   * each request to the tool).
   *
   * @return the value binding this login to the browser: the cookie's value, and the value written
   *     to platform storage under {@link #storageStateKey()} and {@link #storageNonceKey()}
   */
  public String bindingValue() {
    return bindingOf(state);
  }

  /**
   * The binding value of a state: the first 128 bits of its SHA-256, base64url (22 characters).
   *
   * @param state the state value
   * @return its binding value
   */
  public static String bindingOf(String state) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /**
   * The platform-storage key of the binding under the state: {@code lti_state_<state>}.
   *
   * @return the platform-storage key of the binding under the state: {@code lti_state_<state>}
   */
  public String storageStateKey() {
    return STORAGE_STATE_PREFIX + state;
  }

  /**
   * The platform-storage key of the binding under the nonce: {@code lti_nonce_<nonce>}.
   *
   * @return the platform-storage key of the binding under the nonce: {@code lti_nonce_<nonce>}
   */
  public String storageNonceKey() {
    return STORAGE_NONCE_PREFIX + nonce;
  }

  /**
   * The name of the cookie binding this login to the browser: {@code lti1p3_<binding value>},
   * unique per login (LTI.md §1.5 names it after the state; its digest keeps the cookie small).
   *
   * @return the name of the cookie binding this login to the browser: {@code lti1p3_<binding
   *     value>}, unique per login (LTI.md §1.5 names it after the state; its digest keeps the
   *     cookie small)
   */
  public String cookieName() {
    return cookieName(state);
  }

  /**
   * The binding cookie's name for a state value, as read back at launch.
   *
   * @param state the login state
   * @return the binding cookie's name for a state value, as read back at launch
   */
  public static String cookieName(String state) {
    return COOKIE_PREFIX + bindingOf(state);
  }

  /**
   * A {@code Set-Cookie} header value deleting the binding cookie of this state (sent once the
   * launch has used it, so cookies do not pile up in the browser for ten minutes).
   *
   * @param state the state value
   * @return the header value
   */
  public static String clearCookieHeader(String state) {
    return cookieName(state) + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=None; Partitioned";
  }

  /**
   * The raw {@code Set-Cookie} header value binding this login to the browser (§1.5): the value is
   * the {@link #bindingValue()}, {@code Secure; HttpOnly; SameSite=None; Partitioned}, ten minutes.
   * Raw, because JAX-RS has no API for {@code Partitioned}.
   *
   * @return the raw {@code Set-Cookie} header value binding this login to the browser (§1.5): the
   *     value is the {@link #bindingValue()}, {@code Secure; HttpOnly; SameSite=None; Partitioned},
   *     ten minutes
   */
  public String setCookieHeader() {
    return cookieName()
        + "="
        + bindingValue()
        + "; Path=/; Max-Age="
        + TIME_TO_LIVE.toSeconds()
        + "; Secure; HttpOnly; SameSite=None; Partitioned";
  }

  /**
   * Whether the state has expired at {@code now}.
   *
   * @param now the current instant
   * @return whether the state has expired at {@code now}
   */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "LoginState[registration="
        + registration.name()
        + ", expiresAt="
        + expiresAt
        + ", platformStorage="
        + usesPlatformStorage()
        + "]";
  }
}

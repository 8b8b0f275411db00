package org.tremplin.lti.login;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.keys.ToolKeySource;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.registration.Registrations;

/**
 * Login states that write nothing at login: the {@code state} sent to the platform carries the
 * login state itself (registration, nonce, target link, deployment hint, expiry, storage target),
 * with an HMAC-SHA256 over it (issue 10, item 7: an unauthenticated {@code /lti/login} must not
 * grow the database). Any node verifies it, since the MAC key is derived from the tool's signing
 * keys, which every node shares; a state signed with a key retired less than the rotation overlap
 * ago still verifies.
 *
 * <p>Single use without a write at login: a state carries exactly one nonce, and the launch records
 * that nonce once the id_token's signature has been checked (LTI.md §2.8, atomic in the database).
 * {@link #take} and {@link #find} report a state whose nonce is already recorded as unknown, so a
 * replayed launch is refused at step 1 ({@code STATE_UNKNOWN}) as with stored states. The browser
 * binding (cookie or platform storage) is unchanged: its value is the state.
 *
 * <p>States are at most {@link #MAX_STATE_LENGTH} characters; anything else, a bad MAC, a payload
 * that does not parse or a registration that has since disappeared reads as unknown. An expired
 * state reads as itself (the launch says "expired"). Thread-safe.
 */
public final class SignedLoginStates implements LoginStates {
  /** Longest state value accepted back. */
  public static final int MAX_STATE_LENGTH = 2048;

  /** Whether a platform's nonce was already recorded by an accepted launch (a read, no write). */
  @FunctionalInterface
  public interface UsedNonces {
    /**
     * Whether {@code nonce} of {@code issuer} was already used.
     *
     * @param issuer the platform's issuer
     * @param nonce the nonce
     * @return true when an accepted launch already recorded it
     */
    boolean isUsed(String issuer, String nonce);
  }

  private static final byte[] CONTEXT =
      "tremplin/lti/login-state/v1".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /** How long the tool's keys are reused before being read again. */
  static final Duration KEYS_TIME_TO_LIVE = Duration.ofMinutes(1);

  /** A state whose MAC no cached key verifies reloads the keys once they are this old. */
  static final Duration KEYS_RELOAD_ON_MISS = Duration.ofSeconds(2);

  private final Registrations registrations;
  private final ToolKeySource toolKeys;
  private final UsedNonces usedNonces;
  private final Clock clock;
  private final Map<String, SecretKeySpec> macKeys = new ConcurrentHashMap<>();
  private volatile CachedKeys cached = new CachedKeys(List.of(), Instant.MIN);

  /** The tool's recent signing keys and when they were read. */
  private record CachedKeys(List<RSAKey> keys, Instant readAt) {}

  /**
   * Over these registrations (resolved again at launch), the tool's keys (every node shares them;
   * the current one signs, those within the rotation overlap still verify), and the nonces accepted
   * launches recorded.
   *
   * @param registrations the registrations
   * @param toolKeys the tool keys
   * @param usedNonces the used nonces
   * @param clock the clock read for "now"
   */
  public SignedLoginStates(
      Registrations registrations, ToolKeySource toolKeys, UsedNonces usedNonces, Clock clock) {
    this.registrations = registrations;
    this.toolKeys = toolKeys;
    this.usedNonces = usedNonces;
    this.clock = clock;
  }

  private List<RSAKey> keys(Duration maxAge) {
    CachedKeys now = cached;
    Instant instant = clock.instant();
    if (now.keys().isEmpty() || !instant.isBefore(now.readAt().plus(maxAge))) {
      now = new CachedKeys(toolKeys.recentSigningKeys(), instant);
      cached = now;
    }
    return now.keys();
  }

  /**
   * Returns the login state with its {@code state} replaced by the signed value carrying it (the
   * draft's own state value is not used); writes nothing.
   */
  @Override
  public LoginState put(LoginState draft) {
    RSAKey key = keys(KEYS_TIME_TO_LIVE).get(0);
    ObjectNode payload = JSON.createObjectNode();
    payload.put("i", draft.registration().issuer());
    payload.put("c", draft.registration().clientId());
    payload.put("n", draft.nonce());
    payload.put("t", draft.targetLinkUri());
    payload.put("d", draft.deploymentIdHint());
    payload.put("e", draft.expiresAt().getEpochSecond());
    payload.put("s", draft.storageTarget());
    // a random salt, so two logins never share a state even with equal contents
    byte[] salt = new byte[8];
    RANDOM.nextBytes(salt);
    payload.put("r", B64.encodeToString(salt));
    String body;
    try {
      body = B64.encodeToString(JSON.writeValueAsBytes(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a login state", e);
    }
    String state = body + "." + B64.encodeToString(mac(key, body));
    return new LoginState(
        state,
        draft.registration(),
        draft.nonce(),
        draft.targetLinkUri(),
        draft.deploymentIdHint(),
        draft.expiresAt(),
        draft.storageTarget());
  }

  @Override
  public Optional<LoginState> take(String state) {
    return find(state);
  }

  @Override
  public Optional<LoginState> find(String state) {
    return verified(state).flatMap(payload -> resolve(state, payload));
  }

  private Optional<JsonNode> verified(String state) {
    int dot = state.indexOf('.');
    if (state.length() > MAX_STATE_LENGTH || dot <= 0 || dot != state.lastIndexOf('.')) {
      return Optional.empty();
    }
    String body = state.substring(0, dot);
    byte[] mac;
    byte[] json;
    String macText = state.substring(dot + 1);
    try {
      mac = B64D.decode(macText);
      json = B64D.decode(body);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // only the canonical encoding: the decoder ignores a last character's unused bits, and a state
    // must be the exact string the tool issued
    if (!B64.encodeToString(mac).equals(macText) || !B64.encodeToString(json).equals(body)) {
      return Optional.empty();
    }
    // a key rotated in by another node within the last minute is found by one reload
    if (!verifies(keys(KEYS_TIME_TO_LIVE), body, mac)
        && !verifies(keys(KEYS_RELOAD_ON_MISS), body, mac)) {
      return Optional.empty();
    }
    try {
      JsonNode payload = JSON.readTree(json);
      return payload != null && payload.isObject() ? Optional.of(payload) : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  private boolean verifies(List<RSAKey> keys, String body, byte[] mac) {
    boolean valid = false;
    for (RSAKey key : keys) {
      valid |= MessageDigest.isEqual(mac(key, body), mac);
    }
    return valid;
  }

  private Optional<LoginState> resolve(String state, JsonNode p) {
    String issuer = p.path("i").asText("");
    String clientId = p.path("c").asText("");
    String nonce = p.path("n").asText("");
    if (issuer.isEmpty() || nonce.isEmpty() || usedNonces.isUsed(issuer, nonce)) {
      return Optional.empty();
    }
    Optional<PlatformRegistration> registration = registrations.find(issuer, clientId);
    return registration.map(
        r ->
            new LoginState(
                state,
                r,
                nonce,
                p.path("t").asText(""),
                textOrNull(p, "d"),
                Instant.ofEpochSecond(p.path("e").asLong()),
                textOrNull(p, "s")));
  }

  private static @Nullable String textOrNull(JsonNode payload, String field) {
    JsonNode node = payload.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private byte[] mac(RSAKey key, String body) {
    SecretKeySpec secret =
        macKeys.computeIfAbsent(String.valueOf(key.getKeyID()), kid -> deriveKey(key));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** HMAC-SHA256 keyed by the private key's encoding, over a fixed context string. */
  private static SecretKeySpec deriveKey(RSAKey key) {
    try {
      byte[] privateKey = key.toRSAPrivateKey().getEncoded();
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(privateKey, "HmacSHA256"));
      return new SecretKeySpec(mac.doFinal(CONTEXT), "HmacSHA256");
    } catch (JOSEException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive the login-state key", e);
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();
}

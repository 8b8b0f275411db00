package org.tremplin.lti.launch;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.keys.CachingPlatformKeys;
import org.tremplin.lti.keys.KeysetUnavailableException;
import org.tremplin.lti.login.InMemoryLoginStates;
import org.tremplin.lti.login.LoginState;
import org.tremplin.lti.login.ToolUrls;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.testing.IdTokens;
import org.tremplin.testing.IdTokens.Signing;
import org.tremplin.testing.TestKeys;

/**
 * A Moodle-like platform and the tool at a fixed instant: keys, registration, stores, a validator,
 * and a signer for id_tokens. One fixture per test case: its stores start empty. Public for the
 * tests of what follows validation ({@code org.tremplin.lti.flow}).
 */
public final class LaunchFixture {
  public static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  public static final String ISSUER = "https://moodle.example.org";
  public static final String CLIENT_ID = "client-123";
  public static final String RSA_KID = "platform-rsa";
  static final String EC_KID = "platform-ec";
  static final ToolUrls TOOL =
      new ToolUrls(URI.create("https://tool.example.org/"), "https://tool.example.org/lti/launch");

  /** The platform's signing keys and a stranger's RSA key, generated once per test run. */
  static final RSAKey PLATFORM_RSA = TestKeys.rsa(RSA_KID);

  static final RSAKey OTHER_RSA = TestKeys.rsa(RSA_KID);
  static final ECKey PLATFORM_EC = TestKeys.ec(EC_KID);

  private static final IdTokens TOKENS = new IdTokens(PLATFORM_RSA, OTHER_RSA, PLATFORM_EC);

  public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final AtomicInteger fetches = new AtomicInteger();
  public final InMemoryLoginStates loginStates = new InMemoryLoginStates(clock);
  final InMemoryNonces nonces = new InMemoryNonces(clock);
  public final PlatformRegistration registration;
  public final LaunchValidator validator;

  public LaunchFixture() {
    this(false, true, LaunchSettings.defaults());
  }

  public LaunchFixture(boolean autoDeployments, boolean keysetAvailable, LaunchSettings settings) {
    registration =
        new PlatformRegistration(
            "Moodle test",
            ISSUER,
            CLIENT_ID,
            URI.create(ISSUER + "/mod/lti/auth.php"),
            URI.create(ISSUER + "/mod/lti/token.php"),
            URI.create(ISSUER + "/mod/lti/certs.php"),
            Set.of("dep-1", "dep-2"),
            autoDeployments);
    CachingPlatformKeys keys =
        new CachingPlatformKeys(
            url -> {
              fetches.incrementAndGet();
              if (!keysetAvailable) {
                throw new KeysetUnavailableException("down: " + url);
              }
              return new JWKSet(List.of(PLATFORM_RSA.toPublicJWK(), PLATFORM_EC.toPublicJWK()));
            },
            clock);
    validator = new LaunchValidator(loginStates, keys, nonces, TOOL, settings, clock);
  }

  /** Stores a login state for this state value and nonce, as the login would have. */
  public LoginState login(
      String state, String nonce, @Nullable String deploymentHint, Instant expiry) {
    LoginState loginState =
        new LoginState(
            state,
            registration,
            nonce,
            "https://tool.example.org/lti/launch",
            deploymentHint,
            expiry);
    loginStates.put(loginState);
    return loginState;
  }

  /** Stores a platform-storage login state (LTI.md §1.6) for this state value and nonce. */
  public LoginState storageLogin(String state, String nonce, Instant expiry) {
    LoginState loginState =
        new LoginState(
            state,
            registration,
            nonce,
            "https://tool.example.org/lti/launch",
            null,
            expiry,
            "post_message_forwarding");
    loginStates.put(loginState);
    return loginState;
  }

  /** The claims of a valid resource link launch for this nonce. */
  public static Map<String, Object> validClaims(String nonce) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("aud", CLIENT_ID);
    claims.put("sub", "user-42");
    claims.put("exp", NOW.getEpochSecond() + 300);
    claims.put("iat", NOW.getEpochSecond() - 5);
    claims.put("nonce", nonce);
    claims.put(LtiClaims.VERSION, "1.3.0");
    claims.put(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest");
    claims.put(LtiClaims.DEPLOYMENT_ID, "dep-1");
    claims.put(LtiClaims.TARGET_LINK_URI, "https://tool.example.org/lti/launch");
    claims.put(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"));
    claims.put(
        LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
    return claims;
  }

  /**
   * Serialises a token with these claims: header {@code alg} (default RS256) and {@code kid}
   * (absent when null), signed as asked.
   */
  public static String token(
      Map<String, Object> claims, String alg, @Nullable String kid, Signing signing) {
    return TOKENS.token(claims, alg, kid, signing);
  }
}

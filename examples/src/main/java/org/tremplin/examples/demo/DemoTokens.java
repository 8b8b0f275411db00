package org.tremplin.examples.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.keys.KeyLookup;
import org.tremplin.lti.keys.PlatformKeys;

/**
 * The demo platform's OAuth 2.0 token endpoint for the LTI Advantage services (IMS Security
 * Framework §4.1, RFC 6749 §4.4 and RFC 7523): a client-credentials grant authenticated by a JWT
 * client assertion signed with the tool's key, checked against the tool's keyset ({@code
 * <base>lti/jwks}): RS256 with a {@code kid}, {@code iss} = {@code sub} = the client id, {@code
 * aud} holding the exact token URL, {@code exp} in the future, {@code iat} not in the future, and a
 * {@code jti} never seen before (kept until the assertion expires). The scopes granted are those
 * asked for that the platform offers ({@link #SCOPES}); none is an {@code invalid_scope} error.
 * Tokens are opaque, live {@link #LIFETIME}, and are checked by {@link #scopes}. Thread-safe.
 */
final class DemoTokens {
  /** AGS: read and write line items. */
  static final String LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

  /** AGS: read line items. */
  static final String LINEITEM_READONLY =
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";

  /** AGS: read results. */
  static final String RESULT_READONLY =
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";

  /** AGS: post scores. */
  static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

  /** NRPS: read the course's memberships. */
  static final String MEMBERSHIPS =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

  /** The scopes registered for the tool, in the order the launch claims list them. */
  static final List<String> SCOPES =
      List.of(LINEITEM, LINEITEM_READONLY, RESULT_READONLY, SCORE, MEMBERSHIPS);

  /** How long an access token is valid. */
  static final Duration LIFETIME = Duration.ofHours(1);

  /** Tolerated clock difference with the tool. */
  static final Duration SKEW = Duration.ofSeconds(60);

  static final String CLIENT_ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final DemoPlatform platform;
  private final PlatformKeys toolKeys;
  private final URI toolJwks;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> usedJti = new ConcurrentHashMap<>();
  private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();

  /** The token endpoint of {@code platform}, the tool's keys read through {@code toolKeys}. */
  DemoTokens(DemoPlatform platform, PlatformKeys toolKeys, Clock clock) {
    this.platform = platform;
    this.toolKeys = toolKeys;
    this.toolJwks = platform.toolJwksUrl();
    this.clock = clock;
  }

  /** The scopes of a token and until when. */
  private record Grant(Set<String> scopes, Instant expires) {}

  /**
   * The endpoint's answer: an HTTP status and its JSON body.
   *
   * @param status 200, or 400/401 with an OAuth error
   * @param body the JSON object to send
   */
  record Answer(int status, Map<String, Object> body) {}

  /** How many tokens were issued (per scope set, the tool should ask once per lifetime). */
  int issued() {
    return issued.get();
  }

  /** Answers a token request (its form parameters, each given at most once). */
  Answer token(Map<String, List<String>> form) {
    Map<String, String> p = new LinkedHashMap<>();
    for (String name :
        List.of("grant_type", "client_assertion_type", "client_assertion", "scope")) {
      List<String> values = form.getOrDefault(name, List.of());
      if (values.size() > 1) {
        return error(400, "invalid_request", name + " is repeated");
      }
      if (values.size() == 1 && !values.get(0).isBlank()) {
        p.put(name, values.get(0).strip());
      }
    }
    if (!"client_credentials".equals(p.get("grant_type"))) {
      return error(400, "unsupported_grant_type", "grant_type must be client_credentials");
    }
    if (!CLIENT_ASSERTION_TYPE.equals(p.get("client_assertion_type"))) {
      return error(
          400, "invalid_request", "client_assertion_type must be " + CLIENT_ASSERTION_TYPE);
    }
    String assertion = p.get("client_assertion");
    if (assertion == null) {
      return error(400, "invalid_request", "client_assertion is missing");
    }
    String scope = p.get("scope");
    if (scope == null) {
      return error(400, "invalid_scope", "scope is missing");
    }
    Optional<String> refused = verifyAssertion(assertion);
    if (refused.isPresent()) {
      return error(401, "invalid_client", refused.get());
    }
    Set<String> granted = new LinkedHashSet<>();
    for (String s : scope.split(" +")) {
      if (SCOPES.contains(s)) {
        granted.add(s);
      }
    }
    if (granted.isEmpty()) {
      return error(400, "invalid_scope", "none of the scopes asked for is offered");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    tokens.values().removeIf(g -> !g.expires().isAfter(now));
    tokens.put(token, new Grant(Set.copyOf(granted), now.plus(LIFETIME)));
    issued.incrementAndGet();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token);
    body.put("token_type", "Bearer");
    body.put("expires_in", LIFETIME.toSeconds());
    body.put("scope", String.join(" ", granted));
    return new Answer(200, body);
  }

  /**
   * The scopes the bearer token of an {@code Authorization} header grants, empty if the header is
   * not {@code Bearer <a live token of this endpoint>}.
   */
  Optional<Set<String>> scopes(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    Grant grant = tokens.get(authorization.substring(7).strip());
    if (grant == null || !grant.expires().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(grant.scopes());
  }

  /** What is wrong with the client assertion, empty when it is good (its jti is then used). */
  private Optional<String> verifyAssertion(String assertion) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(assertion);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return Optional.of("client_assertion is not a signed JWT");
    }
    Optional<String> bad =
        DemoJwts.verify(jwt, toolKeys, toolJwks).or(() -> checkClaims(claims, clock.instant()));
    if (bad.isPresent()) {
      return bad;
    }
    Instant now = clock.instant();
    usedJti.values().removeIf(exp -> exp.plus(SKEW).isBefore(now));
    if (usedJti.putIfAbsent(claims.getJWTID(), claims.getExpirationTime().toInstant()) != null) {
      return Optional.of("jti already used");
    }
    return Optional.empty();
  }

  private Optional<String> checkClaims(JWTClaimsSet claims, Instant now) {
    if (!DemoPlatform.CLIENT_ID.equals(claims.getIssuer())) {
      return Optional.of("iss is not the client id");
    }
    if (!DemoPlatform.CLIENT_ID.equals(claims.getSubject())) {
      return Optional.of("sub is not the client id");
    }
    if (claims.getAudience() == null
        || !claims.getAudience().contains(platform.tokenUrl().toString())) {
      return Optional.of("aud is not the token URL");
    }
    if (claims.getExpirationTime() == null
        || !claims.getExpirationTime().toInstant().plus(SKEW).isAfter(now)) {
      return Optional.of("the assertion has expired");
    }
    if (claims.getIssueTime() == null
        || claims.getIssueTime().toInstant().isAfter(now.plus(SKEW))) {
      return Optional.of("iat is missing or in the future");
    }
    if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
      return Optional.of("jti is missing");
    }
    return Optional.empty();
  }

  private static Answer error(int status, String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return new Answer(status, body);
  }

  /** Signature checks shared by the token endpoint and the deep linking return. */
  static final class DemoJwts {
    private DemoJwts() {}

    /**
     * What is wrong with the signature of {@code jwt} (RS256, a {@code kid} of the keyset at {@code
     * jwks}), empty when it verifies.
     */
    static Optional<String> verify(SignedJWT jwt, PlatformKeys keys, URI jwks) {
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        return Optional.of("the JWT is not signed with RS256");
      }
      String kid = jwt.getHeader().getKeyID();
      if (kid == null || kid.isBlank()) {
        return Optional.of("the JWT header has no kid");
      }
      KeyLookup found = keys.find(jwks, kid);
      if (!(found instanceof KeyLookup.Found f) || !(f.key() instanceof RSAKey key)) {
        return Optional.of(
            found instanceof KeyLookup.Unavailable
                ? "the tool's keyset " + jwks + " cannot be read"
                : "no key " + kid + " in the tool's keyset");
      }
      try {
        if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
          return Optional.of("bad signature");
        }
      } catch (JOSEException e) {
        return Optional.of("bad signature");
      }
      return Optional.empty();
    }
  }
}

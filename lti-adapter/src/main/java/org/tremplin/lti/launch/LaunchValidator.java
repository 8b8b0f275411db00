package org.tremplin.lti.launch;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.lti.keys.KeyLookup;
import org.tremplin.lti.keys.PlatformKeys;
import org.tremplin.lti.login.LoginState;
import org.tremplin.lti.login.LoginStates;
import org.tremplin.lti.login.PlatformStorage;
import org.tremplin.lti.login.ToolUrls;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.text.PlatformText;

/**
 * Validates an LTI 1.3 launch in the fixed order of LTI.md §2, steps 1 to 12, each a named method
 * with its own {@link LaunchError} codes; the first failing step decides the outcome. The nonce is
 * recorded (step 8) only after the signature (step 6) and times (step 7) check out. Logs carry the
 * step and code, never tokens, nonces, state values or keys. Thread-safe when its stores are.
 */
public final class LaunchValidator {
  /** The largest id_token accepted, in characters (base64url, so bytes): 64 KiB. */
  public static final int MAX_TOKEN_LENGTH = 64 * 1024;

  /** The signature algorithms accepted: RS256 (required), RS384, RS512, ES256, ES384. */
  public static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384);

  /** The message types accepted. */
  public static final Set<String> MESSAGE_TYPES =
      Set.of(LtiClaims.RESOURCE_LINK_REQUEST, LtiClaims.DEEP_LINKING_REQUEST);

  private static final int MAX_ID_LENGTH = 255;

  /** Most platform keys whose verifier is kept (a keyset holds a few; a refetch adds more). */
  private static final int MAX_VERIFIERS = 256;

  /**
   * One verifier per platform key: building it decodes the modulus and builds the public key, which
   * cost as much as the pipeline's other steps together (JMH, stack profile).
   */
  private final java.util.concurrent.ConcurrentMap<JWK, JWSVerifier> verifiers =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final Logger LOG = LoggerFactory.getLogger(LaunchValidator.class);

  /**
   * Reads a token's header or payload: strict JSON (RFC 8259: no comments, no single quotes, no
   * trailing content), a JSON object only, a repeated member name rejected (which of two {@code
   * iss} would count?), integers as {@code Long}: the rules Nimbus's {@code JSONObjectUtils.parse}
   * applied before (the corpus pins them), reading the decoded bytes directly. Immutable and
   * thread-safe.
   */
  private static final ObjectReader TOKEN_JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .build()
          .readerFor(new TypeReference<Map<String, Object>>() {});

  private final LoginStates loginStates;
  private final PlatformKeys platformKeys;
  private final Nonces nonces;
  private final ToolUrls toolUrls;
  private final LaunchSettings settings;
  private final Clock clock;
  private final List<Step> steps =
      List.of(
          new Step(1, "state", this::checkState),
          new Step(2, "token format", this::checkTokenFormat),
          new Step(3, "header", this::checkHeader),
          new Step(4, "issuer", this::checkIssuer),
          new Step(5, "audience", this::checkAudience),
          new Step(6, "key and signature", this::checkSignature),
          new Step(7, "times", this::checkTimes),
          new Step(8, "nonce", this::checkNonce),
          new Step(9, "version and message type", this::checkVersionAndMessageType),
          new Step(10, "deployment", this::checkDeployment),
          new Step(11, "resource link", this::checkResourceLink),
          new Step(12, "subject", this::checkSubject));

  /**
   * A validator over these stores and settings.
   *
   * @param loginStates the login states
   * @param platformKeys the platform keys
   * @param nonces the nonces
   * @param toolUrls the tool urls
   * @param settings the settings
   * @param clock the clock read for "now"
   */
  public LaunchValidator(
      LoginStates loginStates,
      PlatformKeys platformKeys,
      Nonces nonces,
      ToolUrls toolUrls,
      LaunchSettings settings,
      Clock clock) {
    this.loginStates = loginStates;
    this.platformKeys = platformKeys;
    this.nonces = nonces;
    this.toolUrls = toolUrls;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The names of the steps, in the order they run (LTI.md §2, 1 to 12).
   *
   * @return the names of the steps, in the order they run (LTI.md §2, 1 to 12)
   */
  public List<String> stepNames() {
    return steps.stream().map(s -> s.number() + " " + s.name()).toList();
  }

  /**
   * Runs the steps in order; the first failure rejects the launch.
   *
   * @param request the request
   * @return the launch outcome
   */
  public LaunchOutcome validate(LaunchRequest request) {
    Candidate candidate = new Candidate(request);
    if (request.error() != null) {
      if (request.state() != null) {
        loginStates.take(request.state());
      }
      return reject(candidate, 0, LaunchError.PLATFORM_ERROR);
    }
    for (Step step : steps) {
      LaunchError error = step.check().apply(candidate);
      if (error != null) {
        return reject(candidate, step.number(), error);
      }
      LOG.debug("LTI launch step {} ({}) passed", step.number(), step.name());
    }
    LaunchContext context = candidate.context();
    LOG.debug("LTI launch accepted from {}", candidate.registration().name());
    return new LaunchOutcome.Accepted(context, candidate.registration(), candidate.deepLinking);
  }

  private static LaunchOutcome reject(Candidate candidate, int step, LaunchError error) {
    if (candidate.loginState == null) {
      LOG.info("LTI launch rejected at step {}: {}", step, error);
    } else {
      LOG.info(
          "LTI launch rejected at step {}: {} (platform {})",
          step,
          error,
          candidate.registration().name());
    }
    return new LaunchOutcome.Rejected(error);
  }

  /**
   * Step 1: state present, known (consumed: single use), not expired, bound to the browser. The
   * binding is the {@code lti1p3_<state>} cookie or, for a platform-storage login (§1.6), the
   * values read back from platform storage under the state's and the nonce's keys; every binding
   * presented must match, and at least one must be presented.
   */
  private @Nullable LaunchError checkState(Candidate c) {
    String state = c.request.state();
    if (state == null || state.isEmpty()) {
      return LaunchError.STATE_MISSING;
    }
    Optional<LoginState> taken = loginStates.take(state);
    if (taken.isEmpty()) {
      return LaunchError.STATE_UNKNOWN;
    }
    c.loginState = taken.get();
    if (c.loginState.isExpiredAt(clock.instant())) {
      return LaunchError.STATE_EXPIRED;
    }
    return isBound(c.request, c.loginState) ? null : LaunchError.STATE_NOT_BOUND;
  }

  private static boolean isBound(LaunchRequest request, LoginState loginState) {
    String expected = loginState.bindingValue();
    String cookie = request.browserBinding();
    if (cookie != null && !constantTimeEquals(cookie, expected)) {
      return false;
    }
    String stored = request.storedStateBinding();
    String storedNonce = request.storedNonceBinding();
    if (stored == null && storedNonce == null) {
      return cookie != null;
    }
    return loginState.usesPlatformStorage()
        && stored != null
        && storedNonce != null
        && constantTimeEquals(stored, expected)
        && constantTimeEquals(storedNonce, expected);
  }

  /**
   * Whether this launch must first read its binding back from platform storage (LTI.md §1.6): a
   * token post without any binding (no cookie, nothing read back) whose state, still stored and not
   * expired, came from a platform-storage login. Does not consume the state: the re-post does.
   *
   * @param request the request
   * @return what the read-back page needs, or empty to {@link #validate} the request as it is
   */
  public Optional<StorageReadBack> storageReadBack(LaunchRequest request) {
    String state = request.state();
    if (request.error() != null
        || state == null
        || state.isEmpty()
        || request.idToken() == null
        || !request.hasNoBinding()) {
      return Optional.empty();
    }
    Optional<LoginState> found =
        loginStates
            .find(state)
            .filter(LoginState::usesPlatformStorage)
            .filter(s -> !s.isExpiredAt(clock.instant()));
    found.ifPresent(
        s ->
            LOG.debug(
                "LTI launch from {} without cookie: reading the binding back from platform storage",
                s.registration().name()));
    return found.map(
        s ->
            new StorageReadBack(
                Objects.requireNonNull(s.storageTarget()),
                PlatformStorage.origin(s.registration().authUrl()),
                s.storageStateKey(),
                s.storageNonceKey()));
  }

  /**
   * Step 2: three base64url parts, header and payload JSON objects, at most 64 KiB. Each part is
   * decoded and parsed once here; later steps reuse the results (the signature step verifies the
   * original bytes, never a re-serialisation).
   */
  private @Nullable LaunchError checkTokenFormat(Candidate c) {
    String token = c.request.idToken();
    if (token == null || token.isEmpty()) {
      return LaunchError.TOKEN_MISSING;
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      return LaunchError.TOKEN_TOO_LARGE;
    }
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (first <= 0
        || second <= first + 1
        || token.indexOf('.', second + 1) >= 0
        || !isBase64Url(token, 0, first)
        || !isBase64Url(token, first + 1, second)
        || !isBase64Url(token, second + 1, token.length())) {
      return LaunchError.TOKEN_MALFORMED;
    }
    try {
      Base64.Decoder decoder = Base64.getUrlDecoder();
      Map<String, Object> header = TOKEN_JSON.readValue(decoder.decode(token.substring(0, first)));
      Map<String, Object> payload =
          TOKEN_JSON.readValue(decoder.decode(token.substring(first + 1, second)));
      if (header == null || payload == null) {
        return LaunchError.TOKEN_MALFORMED; // the JSON literal null
      }
      c.headerJson = header;
      c.claims = JWTClaimsSet.parse(payload);
    } catch (IOException | ParseException | RuntimeException e) {
      return LaunchError.TOKEN_MALFORMED;
    }
    c.signingInput = token.substring(0, second).getBytes(StandardCharsets.US_ASCII);
    c.headerPart = new Base64URL(token.substring(0, first));
    c.signature = new Base64URL(token.substring(second + 1));
    return null;
  }

  /** Step 3: {@code alg} allowed ({@code none} and HS* never), {@code kid} present. */
  private @Nullable LaunchError checkHeader(Candidate c) {
    Object alg = c.headerJson().get("alg");
    if (!(alg instanceof String name) || !ALLOWED_ALGORITHMS.contains(JWSAlgorithm.parse(name))) {
      return LaunchError.ALG_NOT_ALLOWED;
    }
    try {
      c.header = JWSHeader.parse(c.headerJson(), Objects.requireNonNull(c.headerPart));
    } catch (ParseException | RuntimeException e) {
      return LaunchError.TOKEN_MALFORMED;
    }
    String kid = c.header().getKeyID();
    if (kid == null || kid.isEmpty()) {
      return LaunchError.KID_MISSING;
    }
    return null;
  }

  /** Step 4: {@code iss} equals the registration's issuer exactly. */
  private @Nullable LaunchError checkIssuer(Candidate c) {
    return c.registration().issuer().equals(c.claims().getIssuer())
        ? null
        : LaunchError.ISSUER_MISMATCH;
  }

  /** Step 5: {@code aud} contains our client id; {@code azp} required with several audiences. */
  private @Nullable LaunchError checkAudience(Candidate c) {
    String clientId = c.registration().clientId();
    List<String> audience = c.claims().getAudience();
    if (!audience.contains(clientId)) {
      return LaunchError.AUDIENCE_MISMATCH;
    }
    Object azp = c.claims().getClaim("azp");
    if (audience.size() > 1 && azp == null) {
      return LaunchError.AZP_MISSING_OR_WRONG;
    }
    if (azp != null && !clientId.equals(azp)) {
      return LaunchError.AZP_MISSING_OR_WRONG;
    }
    return null;
  }

  /** Step 6: the platform key for {@code kid} (re-fetched once on a miss), then the signature. */
  private @Nullable LaunchError checkSignature(Candidate c) {
    JWSHeader header = c.header();
    KeyLookup lookup =
        platformKeys.find(c.registration().jwksUrl(), Objects.requireNonNull(header.getKeyID()));
    if (lookup instanceof KeyLookup.Unavailable) {
      return LaunchError.KEYSET_UNAVAILABLE;
    }
    if (!(lookup instanceof KeyLookup.Found found)) {
      return LaunchError.KEY_NOT_FOUND;
    }
    JWK key = found.key();
    JWSAlgorithm alg = header.getAlgorithm();
    if (!fits(key, alg)) {
      return LaunchError.KEY_FAMILY_MISMATCH;
    }
    try {
      return verifierFor(key).verify(header, c.signingInput(), c.signature())
          ? null
          : LaunchError.SIGNATURE_INVALID;
    } catch (JOSEException | RuntimeException e) {
      return LaunchError.SIGNATURE_INVALID;
    }
  }

  private JWSVerifier verifierFor(JWK key) throws JOSEException {
    JWSVerifier known = verifiers.get(key);
    if (known != null) {
      return known;
    }
    JWSVerifier verifier =
        key instanceof RSAKey rsa
            ? new RSASSAVerifier(rsa.toRSAPublicKey())
            : new ECDSAVerifier(((ECKey) key).toECPublicKey());
    if (verifiers.size() >= MAX_VERIFIERS) {
      verifiers.clear(); // keys rotated many times: start again rather than grow
    }
    verifiers.put(key, verifier);
    return verifier;
  }

  /**
   * Whether {@code text[from, to)} uses the base64url alphabet only (no padding), as step 2
   * requires.
   */
  private static boolean isBase64Url(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      boolean ok =
          (ch >= 'A' && ch <= 'Z')
              || (ch >= 'a' && ch <= 'z')
              || (ch >= '0' && ch <= '9')
              || ch == '-'
              || ch == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Step 7: {@code exp} not passed, {@code iat} neither future nor too old, {@code nbf}. */
  private @Nullable LaunchError checkTimes(Candidate c) {
    JWTClaimsSet claims = c.claims();
    if (claims.getExpirationTime() == null || claims.getIssueTime() == null) {
      return LaunchError.TIME_CLAIM_MISSING;
    }
    Instant now = clock.instant();
    Instant exp = claims.getExpirationTime().toInstant();
    Instant iat = claims.getIssueTime().toInstant();
    if (!now.isBefore(exp.plus(settings.clockSkew()))) {
      return LaunchError.TOKEN_EXPIRED;
    }
    if (iat.isAfter(now.plus(settings.clockSkew()))) {
      return LaunchError.ISSUED_IN_FUTURE;
    }
    if (iat.isBefore(now.minus(settings.maxTokenAge()).minus(settings.clockSkew()))) {
      return LaunchError.ISSUED_TOO_LONG_AGO;
    }
    if (claims.getNotBeforeTime() != null
        && claims.getNotBeforeTime().toInstant().isAfter(now.plus(settings.clockSkew()))) {
      return LaunchError.NOT_YET_VALID;
    }
    return null;
  }

  /** Step 8: {@code nonce} is the one of this login, and used for the first time (recorded). */
  private @Nullable LaunchError checkNonce(Candidate c) {
    Object nonce = c.claims().getClaim("nonce");
    if (!(nonce instanceof String value) || !constantTimeEquals(value, c.loginState().nonce())) {
      return LaunchError.NONCE_MISMATCH;
    }
    Instant tokenExpiry =
        Objects.requireNonNull(c.claims().getExpirationTime())
            .toInstant()
            .plus(settings.clockSkew());
    // kept as long as the login state lives too: a signed state is single use through its nonce
    Instant stateExpiry = c.loginState().expiresAt();
    Instant keepUntil = tokenExpiry.isAfter(stateExpiry) ? tokenExpiry : stateExpiry;
    return nonces.consume(c.registration().issuer(), value, keepUntil)
        ? null
        : LaunchError.NONCE_REPLAYED;
  }

  /** Step 9: {@code version} 1.3.0 and a supported {@code message_type}. */
  private @Nullable LaunchError checkVersionAndMessageType(Candidate c) {
    if (!LtiClaims.LTI_VERSION.equals(c.claims().getClaim(LtiClaims.VERSION))) {
      return LaunchError.VERSION_UNSUPPORTED;
    }
    Object type = c.claims().getClaim(LtiClaims.MESSAGE_TYPE);
    if (!(type instanceof String name) || !MESSAGE_TYPES.contains(name)) {
      return LaunchError.MESSAGE_TYPE_UNSUPPORTED;
    }
    c.messageType = name;
    return null;
  }

  /** Step 10: {@code deployment_id} present, at most 255, known, equal to the login's hint. */
  private @Nullable LaunchError checkDeployment(Candidate c) {
    Object claim = c.claims().getClaim(LtiClaims.DEPLOYMENT_ID);
    if (!(claim instanceof String deployment) || deployment.isEmpty()) {
      return LaunchError.DEPLOYMENT_MISSING;
    }
    if (deployment.length() > MAX_ID_LENGTH) {
      return LaunchError.DEPLOYMENT_TOO_LONG;
    }
    if (!c.registration().accepts(deployment)) {
      return LaunchError.DEPLOYMENT_UNKNOWN;
    }
    String hint = c.loginState().deploymentIdHint();
    if (hint != null && !hint.equals(deployment)) {
      return LaunchError.DEPLOYMENT_MISMATCH;
    }
    c.deploymentId = deployment;
    return null;
  }

  /**
   * Step 11: {@code target_link_uri} ours; {@code resource_link.id} present and at most 255 (or,
   * for deep linking, the settings with their return URL); {@code roles} claim present; the
   * identifiers (deployment, resource link, context) free of control characters, a context id at
   * most 255.
   */
  private @Nullable LaunchError checkResourceLink(Candidate c) {
    boolean deepLinking = LtiClaims.DEEP_LINKING_REQUEST.equals(c.messageType);
    Object target = c.claims().getClaim(LtiClaims.TARGET_LINK_URI);
    if (target == null && deepLinking) {
      c.targetLinkUri = c.loginState().targetLinkUri();
    } else if (target instanceof String uri && toolUrls.isOwn(uri)) {
      c.targetLinkUri = uri;
    } else {
      return LaunchError.TARGET_LINK_URI_INVALID;
    }
    if (deepLinking) {
      Map<String, Object> settingsClaim =
          object(c.claims().getClaim(LtiClaims.DEEP_LINKING_SETTINGS));
      if (!(settingsClaim.get("deep_link_return_url") instanceof String url) || url.isEmpty()) {
        return LaunchError.DEEP_LINKING_SETTINGS_MISSING;
      }
      try {
        c.deepLinking = DeepLinkingSettings.parse(settingsClaim);
      } catch (IllegalArgumentException e) {
        LOG.debug("LTI deep linking settings refused: {}", e.getMessage());
        return LaunchError.DEEP_LINKING_SETTINGS_INVALID;
      }
    } else {
      Object id = object(c.claims().getClaim(LtiClaims.RESOURCE_LINK)).get("id");
      if (!(id instanceof String linkId) || linkId.isEmpty()) {
        return LaunchError.RESOURCE_LINK_MISSING;
      }
      if (linkId.length() > MAX_ID_LENGTH) {
        return LaunchError.RESOURCE_LINK_TOO_LONG;
      }
      c.resourceLinkId = linkId;
    }
    if (!(c.claims().getClaim(LtiClaims.ROLES) instanceof List<?>)) {
      return LaunchError.ROLES_CLAIM_MISSING;
    }
    Map<String, Object> context = object(c.claims().getClaim(LtiClaims.CONTEXT));
    boolean contextIdBad =
        context.containsKey("id")
            && !(context.get("id") instanceof String id
                && PlatformText.isIdentifier(id, MAX_ID_LENGTH));
    if (contextIdBad
        || !PlatformText.isIdentifier(Objects.requireNonNull(c.deploymentId), MAX_ID_LENGTH)
        || (c.resourceLinkId != null
            && !PlatformText.isIdentifier(c.resourceLinkId, MAX_ID_LENGTH))) {
      return LaunchError.ID_INVALID;
    }
    return null;
  }

  /**
   * Step 12: {@code sub} non-empty, at most 255, no control characters; absent only when anonymous
   * launches are enabled.
   */
  private @Nullable LaunchError checkSubject(Candidate c) {
    String sub = c.claims().getSubject();
    if (sub == null) {
      return settings.anonymousLaunchAllowed() ? null : LaunchError.ANONYMOUS_LAUNCH;
    }
    return PlatformText.isIdentifier(sub, MAX_ID_LENGTH) ? null : LaunchError.SUB_INVALID;
  }

  private static boolean fits(JWK key, JWSAlgorithm alg) {
    if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
      return false;
    }
    if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
      return false;
    }
    if (JWSAlgorithm.Family.RSA.contains(alg)) {
      return key instanceof RSAKey;
    }
    return key instanceof ECKey ec && Curve.forJWSAlgorithm(alg).contains(ec.getCurve());
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(@Nullable Object claim) {
    return claim instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static @Nullable String text(Map<String, Object> object, String name) {
    return object.get(name) instanceof String value ? value : null;
  }

  /** One named step of the sequence. */
  private record Step(int number, String name, Check check) {}

  /** A step's check: the error that rejects the launch, or null to go on. */
  @FunctionalInterface
  private interface Check {
    @Nullable LaunchError apply(Candidate candidate);
  }

  /** What the steps have learnt so far about one launch. Confined to one call. */
  private static final class Candidate {
    final LaunchRequest request;
    @Nullable LoginState loginState;
    @Nullable Map<String, Object> headerJson;
    @Nullable Base64URL headerPart;
    byte @Nullable [] signingInput;
    @Nullable Base64URL signature;
    @Nullable JWTClaimsSet claims;
    @Nullable JWSHeader header;
    @Nullable String messageType;
    @Nullable String deploymentId;
    @Nullable String targetLinkUri;
    @Nullable String resourceLinkId;
    @Nullable DeepLinkingSettings deepLinking;

    Candidate(LaunchRequest request) {
      this.request = request;
    }

    LoginState loginState() {
      return Objects.requireNonNull(loginState);
    }

    PlatformRegistration registration() {
      return loginState().registration();
    }

    Map<String, Object> headerJson() {
      return Objects.requireNonNull(headerJson);
    }

    JWTClaimsSet claims() {
      return Objects.requireNonNull(claims);
    }

    JWSHeader header() {
      return Objects.requireNonNull(header);
    }

    byte[] signingInput() {
      return Objects.requireNonNull(signingInput);
    }

    Base64URL signature() {
      return Objects.requireNonNull(signature);
    }

    LaunchContext context() {
      JWTClaimsSet claims = claims();
      Map<String, Object> context = object(claims.getClaim(LtiClaims.CONTEXT));
      Map<String, String> custom = new LinkedHashMap<>();
      object(claims.getClaim(LtiClaims.CUSTOM))
          .forEach((name, value) -> custom.put(name, String.valueOf(value)));
      String deployment = Objects.requireNonNull(deploymentId);
      return new LaunchContext(
          registration().issuer(),
          registration().clientId(),
          deployment,
          !registration().deploymentIds().contains(deployment),
          claims.getSubject(),
          claims.getClaim("name") instanceof String name ? name : null,
          Objects.requireNonNull(messageType),
          text(context, "id"),
          text(context, "title"),
          resourceLinkId,
          strings(claims.getClaim(LtiClaims.ROLES)),
          strings(claims.getClaim(LtiClaims.ROLE_SCOPE_MENTOR)),
          Objects.requireNonNull(targetLinkUri),
          custom,
          text(object(claims.getClaim(LtiClaims.LAUNCH_PRESENTATION)), "locale"),
          ServiceClaims.read(claims.getClaims()));
    }

    private static List<String> strings(@Nullable Object claim) {
      List<String> values = new ArrayList<>();
      if (claim instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof String value && !value.isEmpty()) {
            values.add(value);
          }
        }
      }
      return values;
    }
  }
}

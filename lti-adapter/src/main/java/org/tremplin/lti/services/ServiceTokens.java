package org.tremplin.lti.services;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.LtiException;
import org.tremplin.lti.keys.ToolKeySource;
import org.tremplin.lti.registration.PlatformRegistration;

/**
 * OAuth 2 client-credentials tokens for the platform services, and the authorised calls that use
 * them (LTI.md §5; 1EdTech Security Framework §4.1). A token is asked with a client assertion: a
 * JWT signed RS256 with the tool's current key (its {@code kid} in the header), {@code iss} =
 * {@code sub} = the registration's client id, {@code aud} = the exact token URL (one value), {@code
 * iat} = now − 5 s, {@code exp} = now + 4 min (under Moodle's and Canvas's 5 minutes), a fresh
 * random {@code jti}. Tokens are cached per (registration, scope set) until their expiry minus
 * {@link #EXPIRY_MARGIN}; concurrent askers of the same scope set wait for one request. {@link
 * #send} adds the bearer token, and on a 401 drops it and retries once with a fresh one.
 *
 * <p>Failures are {@link LtiException}s: {@code LTI_SERVICE_UNREACHABLE} (network, timeout, 5xx),
 * {@code LTI_SERVICE_TOKEN_REFUSED} (the token endpoint's 4xx), {@code LTI_SERVICE_BAD_RESPONSE}
 * (an unreadable token answer or a body over {@link #MAX_BODY_BYTES}), {@code
 * LTI_SERVICE_UNAUTHORIZED} (401 again after the retry). Messages never contain a token or an
 * assertion. Thread-safe.
 */
public final class ServiceTokens {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceTokens.class);

  /** How long before its announced expiry a cached token stops being used. */
  public static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

  /** How far back the assertion's {@code iat} is set, for platforms with no leeway (Moodle). */
  public static final Duration ISSUED_AT_OFFSET = Duration.ofSeconds(5);

  /** How long after now the assertion expires ({@code exp − iat} stays under 5 minutes). */
  public static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(4);

  /** The lifetime assumed when a token answer has no {@code expires_in}. */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

  /** Default time for one request, token or service. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** The largest response body read, token or service: 8 MiB. */
  public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final ToolKeySource keys;
  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;
  private final Supplier<String> jtis;
  private final ConcurrentHashMap<Key, AccessToken> cache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, Object> locks = new ConcurrentHashMap<>();

  /** Signing with these keys, calling over this client, with the default timeout. */
  public ServiceTokens(ToolKeySource keys, HttpClient http, Clock clock) {
    this(keys, http, clock, DEFAULT_TIMEOUT, () -> UUID.randomUUID().toString());
  }

  /** Every collaborator given; {@code jtis} makes each assertion's {@code jti} (tests). */
  ServiceTokens(
      ToolKeySource keys, HttpClient http, Clock clock, Duration timeout, Supplier<String> jtis) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.jtis = Objects.requireNonNull(jtis, "jtis");
  }

  /**
   * A client for platform services: HTTP/1.1 (several platforms' proxies mishandle h2c upgrades),
   * no redirects followed, 5 s to connect.
   */
  public static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /**
   * A token for these scopes at this registration: the cached one while it is valid, else a fresh
   * one from the token endpoint.
   *
   * @param scopes at least one scope (a subset of what the platform granted)
   * @throws LtiException {@code LTI_SERVICE_*} when no token could be obtained
   */
  public AccessToken token(PlatformRegistration registration, Set<String> scopes) {
    Key key = Key.of(registration, scopes);
    AccessToken cached = usable(cache.get(key));
    if (cached != null) {
      return cached;
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      cached = usable(cache.get(key));
      if (cached != null) {
        return cached;
      }
      AccessToken fresh = request(registration, key);
      cache.put(key, fresh);
      return fresh;
    }
  }

  /**
   * Drops this token from the cache (the platform answered 401 with it), unless it was already
   * replaced; the next {@link #token} asks a fresh one.
   */
  public void invalidate(PlatformRegistration registration, AccessToken token) {
    cache.remove(Key.of(registration, token.scopes()), token);
  }

  /**
   * Sends an authorised request: adds {@code Authorization: Bearer …} with a token for these
   * scopes; on a 401, drops the token and sends once more with a fresh one. Any other status is
   * returned as is (the caller decides what 4xx and 2xx mean for its service).
   *
   * @param request the request to send, without an {@code Authorization} header (copied, never
   *     changed)
   * @throws LtiException {@code LTI_SERVICE_UNREACHABLE} (network, timeout), {@code
   *     LTI_SERVICE_UNAUTHORIZED} (401 twice), {@code LTI_SERVICE_BAD_RESPONSE} (body too large),
   *     or a token failure
   */
  public ServiceResponse send(
      PlatformRegistration registration, Set<String> scopes, HttpRequest.Builder request) {
    AccessToken token = token(registration, scopes);
    ServiceResponse response = exchange(request, token);
    if (response.status() != 401) {
      return response;
    }
    LOG.debug("platform service answered 401; new token, one retry ({})", registration.name());
    invalidate(registration, token);
    AccessToken fresh = token(registration, scopes);
    ServiceResponse retried = exchange(request, fresh);
    if (retried.status() == 401) {
      invalidate(registration, fresh);
      throw new LtiException(
          LtiErrorCode.LTI_SERVICE_UNAUTHORIZED,
          "the platform refused a fresh token too (HTTP 401): " + response.uri());
    }
    return retried;
  }

  private ServiceResponse exchange(HttpRequest.Builder request, AccessToken token) {
    HttpRequest built =
        request.copy().timeout(timeout).setHeader("Authorization", token.authorization()).build();
    return call(built);
  }

  private ServiceResponse call(HttpRequest request) {
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String body;
      try (InputStream in = response.body()) {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
          throw new LtiException(
              LtiErrorCode.LTI_SERVICE_BAD_RESPONSE,
              "the platform's answer is larger than "
                  + MAX_BODY_BYTES
                  + " bytes: "
                  + request.uri());
        }
        body = new String(bytes, StandardCharsets.UTF_8);
      }
      return new ServiceResponse(request.uri(), response.statusCode(), response.headers(), body);
    } catch (IOException e) {
      throw new LtiException(
          LtiErrorCode.LTI_SERVICE_UNREACHABLE,
          "the platform did not answer: "
              + request.uri()
              + " ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LtiException(
          LtiErrorCode.LTI_SERVICE_UNREACHABLE, "interrupted while calling " + request.uri(), e);
    }
  }

  private @org.jspecify.annotations.Nullable AccessToken usable(
      @org.jspecify.annotations.Nullable AccessToken token) {
    if (token == null) {
      return null;
    }
    return clock.instant().isBefore(token.expiresAt().minus(EXPIRY_MARGIN)) ? token : null;
  }

  private AccessToken request(PlatformRegistration registration, Key key) {
    URI tokenUrl = registration.tokenUrl();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_assertion_type", ASSERTION_TYPE);
    form.put("client_assertion", assertion(registration));
    form.put("scope", String.join(" ", key.scopes()));
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    Instant asked = clock.instant();
    ServiceResponse response = call(request);
    if (response.status() >= 500) {
      throw new LtiException(
          LtiErrorCode.LTI_SERVICE_UNREACHABLE,
          "the token endpoint answered HTTP " + response.status() + ": " + tokenUrl);
    }
    if (response.status() != 200) {
      LOG.info("LTI service token refused: HTTP {} ({})", response.status(), registration.name());
      throw new LtiException(
          LtiErrorCode.LTI_SERVICE_TOKEN_REFUSED,
          "the token endpoint refused the tool (HTTP "
              + response.status()
              + "): "
              + response.shortBody(200));
    }
    try {
      Map<String, Object> json = JSONObjectUtils.parse(response.body());
      String value = JSONObjectUtils.getString(json, "access_token");
      String type = JSONObjectUtils.getString(json, "token_type");
      if (value == null || value.isBlank() || (type != null && !type.equalsIgnoreCase("bearer"))) {
        throw new LtiException(
            LtiErrorCode.LTI_SERVICE_BAD_RESPONSE,
            "the token endpoint answered no bearer access_token: " + tokenUrl);
      }
      Duration lifetime = DEFAULT_TOKEN_LIFETIME;
      if (json.get("expires_in") instanceof Number seconds && seconds.longValue() > 0) {
        lifetime = Duration.ofSeconds(seconds.longValue());
      } else if (json.get("expires_in") instanceof String seconds && seconds.matches("\\d{1,9}")) {
        lifetime = Duration.ofSeconds(Long.parseLong(seconds)); // some platforms quote it
      }
      LOG.debug(
          "LTI service token obtained for {} scope(s) ({})",
          key.scopes().size(),
          registration.name());
      return new AccessToken(value, key.scopes(), asked.plus(lifetime));
    } catch (ParseException e) {
      throw new LtiException(
          LtiErrorCode.LTI_SERVICE_BAD_RESPONSE,
          "the token endpoint's answer is not a JSON object: " + tokenUrl,
          e);
    }
  }

  /** The client assertion (LTI.md §5). */
  private String assertion(PlatformRegistration registration) {
    RSAKey key = keys.signingKey();
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(registration.clientId())
            .subject(registration.clientId())
            .audience(registration.tokenUrl().toString())
            .issueTime(Date.from(now.minus(ISSUED_AT_OFFSET)))
            .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
            .jwtID(jtis.get())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the client assertion", e);
    }
    return jwt.serialize();
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The cache key: the registration (issuer, client id, token URL) and the sorted scope set. */
  private record Key(String issuer, String clientId, String tokenUrl, SortedSet<String> scopes) {
    static Key of(PlatformRegistration registration, Set<String> scopes) {
      if (scopes.isEmpty()) {
        throw new IllegalArgumentException("a service token needs at least one scope");
      }
      return new Key(
          registration.issuer(),
          registration.clientId(),
          registration.tokenUrl().toString(),
          java.util.Collections.unmodifiableSortedSet(new TreeSet<>(scopes)));
    }
  }
}

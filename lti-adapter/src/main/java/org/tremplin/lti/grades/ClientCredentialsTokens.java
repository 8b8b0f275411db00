package org.tremplin.lti.grades;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.tremplin.lti.keys.ToolKeySource;

/**
 * Service tokens by the client-credentials grant with a JWT client assertion (LTI.md §5; Security
 * Framework §4.1): RS256 with the tool's key and {@code kid}, {@code iss} = {@code sub} = client
 * id, {@code aud} = the exact token URL, {@code iat} = now − 5 s, {@code exp} = now + 5 min, a
 * fresh {@code jti}. One token per (platform, scope set) for its lifetime, less a margin;
 * concurrent callers of one key wait for the one request. Thread-safe.
 */
public final class ClientCredentialsTokens implements GradeTokens {
  private static final Duration MARGIN = Duration.ofSeconds(30);

  private record Key(String issuer, String clientId, String tokenUrl, String scopes) {}

  private record Cached(String token, Instant expires) {}

  private final ToolKeySource keys;
  private final HttpClient http;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();
  private final Map<Key, Object> locks = new ConcurrentHashMap<>();

  /** Signing with the tool's keys; its own HTTP client. */
  public ClientCredentialsTokens(ToolKeySource keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(AgsClient.DEFAULT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String token(CourseGradebook gradebook, Set<String> scopes) {
    Key key = key(gradebook, scopes);
    Cached hit = cache.get(key);
    if (hit != null && clock.instant().isBefore(hit.expires())) {
      return hit.token();
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      hit = cache.get(key);
      if (hit != null && clock.instant().isBefore(hit.expires())) {
        return hit.token();
      }
      Cached fresh = request(gradebook, key.scopes());
      cache.put(key, fresh);
      return fresh.token();
    }
  }

  @Override
  public void forget(CourseGradebook gradebook, Set<String> scopes) {
    cache.remove(key(gradebook, scopes));
  }

  private static Key key(CourseGradebook g, Set<String> scopes) {
    return new Key(
        g.issuer(), g.clientId(), g.tokenUrl().toString(), String.join(" ", new TreeSet<>(scopes)));
  }

  private Cached request(CourseGradebook g, String scope) {
    Instant now = clock.instant();
    String form =
        Map.of(
                "grant_type",
                "client_credentials",
                "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion",
                assertion(g, now),
                "scope",
                scope)
            .entrySet()
            .stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(g.tokenUrl())
            .timeout(AgsClient.DEFAULT_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw GradebookException.later("token request to " + g.tokenUrl().getHost() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw GradebookException.later("interrupted", e);
    }
    if (r.statusCode() != 200) {
      throw GradebookException.later(
          "token endpoint of " + g.tokenUrl().getHost() + " answered " + r.statusCode(),
          r.statusCode(),
          null);
    }
    try {
      JsonNode body = json.readTree(r.body());
      String token = body.path("access_token").asText("");
      if (token.isEmpty()) {
        throw GradebookException.later("token answer without access_token", 200, null);
      }
      long lifetime = body.path("expires_in").asLong(3600);
      Instant expires = now.plusSeconds(lifetime).minus(MARGIN);
      return new Cached(token, expires.isAfter(now) ? expires : now.plusSeconds(1));
    } catch (IOException e) {
      throw GradebookException.later("unreadable token answer", e);
    }
  }

  private String assertion(CourseGradebook g, Instant now) {
    RSAKey key = keys.signingKey();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(g.clientId())
            .subject(g.clientId())
            .audience(g.tokenUrl().toString())
            .issueTime(Date.from(now.minusSeconds(5)))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .jwtID(UUID.randomUUID().toString())
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
}

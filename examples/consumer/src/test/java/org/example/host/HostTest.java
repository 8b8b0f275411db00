package org.example.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.school.Departement;

/**
 * The host, started as a host developer would, answers /health and /lti/jwks, and a platform of
 * its own (an RSA key, a keyset served on loopback) launches an instructor into it.
 */
class HostTest {
  private static final String CLIENT_ID = "host-client";
  private static final String DEPLOYMENT = "host-deployment";

  private static RSAKey platformKey;
  private static HttpServer platform;
  private static String issuer;
  private static URI base;
  private static Host host;
  // HTTP/1.1 as browsers speak it to a plain-HTTP server (the JDK's default offers an h2c
  // upgrade, on which a bare Grizzly waits for a request body until it times out); no redirect
  // followed
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    platformKey = new RSAKeyGenerator(2048).keyID("platform-key").generate();
    platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] keyset = new JWKSet(platformKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    platform.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, keyset.length);
          exchange.getResponseBody().write(keyset);
          exchange.close();
        });
    platform.start();
    issuer = "http://127.0.0.1:" + platform.getAddress().getPort();

    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    base = URI.create("http://127.0.0.1:" + port + "/");
    Map<String, String> settings = new HashMap<>();
    settings.put("tremplin.base-url", base.toString());
    settings.put("tremplin.datasource.url", "jdbc:h2:mem:consumer;DB_CLOSE_DELAY=-1");
    settings.put("tremplin.lti.platforms", "lms");
    settings.put("tremplin.lti.platform.lms.issuer", issuer);
    settings.put("tremplin.lti.platform.lms.client-id", CLIENT_ID);
    settings.put("tremplin.lti.platform.lms.deployment-ids", DEPLOYMENT);
    settings.put("tremplin.lti.platform.lms.auth-url", issuer + "/auth");
    settings.put("tremplin.lti.platform.lms.token-url", issuer + "/token");
    settings.put("tremplin.lti.platform.lms.jwks-url", issuer + "/jwks");
    host =
        new Host(
            new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "host", 500))
                .build(),
            base);
    // the library used directly, on the same engine: the school the course belongs to
    host.tremplin()
        .schools()
        .create(Actor.of("admin", Role.ADMIN, new Scope.Network()), "École hôte", Departement.of("92"));
  }

  @AfterAll
  static void stop() {
    if (host != null) {
      host.close();
    }
    if (platform != null) {
      platform.stop(0);
    }
  }

  @Test
  void healthAnswersOk() throws Exception {
    HttpResponse<String> health = get(base.resolve("health"), Map.of());
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(health.body().contains("\"status\""), health.body());
  }

  @Test
  void theToolPublishesItsKeyset() throws Exception {
    HttpResponse<String> jwks = get(base.resolve("lti/jwks"), Map.of());
    assertEquals(200, jwks.statusCode());
    assertTrue(JWKSet.parse(jwks.body()).getKeys().size() >= 1, jwks.body());
  }

  @Test
  void anInstructorLaunchesFromTheHostsPlatform() throws Exception {
    Map<String, String> login = new LinkedHashMap<>();
    login.put("iss", issuer);
    login.put("login_hint", "teacher-1");
    login.put("target_link_uri", base + "lti/launch");
    login.put("client_id", CLIENT_ID);
    login.put("lti_deployment_id", DEPLOYMENT);
    HttpResponse<String> redirect = get(base.resolve("lti/login?" + form(login)), Map.of());
    assertEquals(302, redirect.statusCode(), redirect.body());
    Map<String, String> auth = query(URI.create(redirect.headers().firstValue("Location").get()));
    // the login binds the browser with a cookie, sent back with the launch
    String cookie = redirect.headers().firstValue("Set-Cookie").get().split(";", 2)[0];

    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(CLIENT_ID)
            .subject("teacher-1")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", auth.get("nonce"))
            .claim("name", "Julie Marchand")
            .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
            .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
            .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", DEPLOYMENT)
            .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", base + "lti/launch")
            .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "rl-1"))
            .claim(
                "https://purl.imsglobal.org/spec/lti/claim/roles",
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"))
            .claim(
                "https://purl.imsglobal.org/spec/lti/claim/context",
                Map.of("id", "course-1", "title", "DWWM"))
            .build();
    SignedJWT idToken =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(platformKey.getKeyID()).build(),
            claims);
    idToken.sign(new RSASSASigner(platformKey));

    HttpResponse<String> launch =
        http.send(
            HttpRequest.newBuilder(base.resolve("lti/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(Map.of("id_token", idToken.serialize(), "state", auth.get("state")))))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(303, launch.statusCode(), launch.body());
    String landing = launch.headers().firstValue("Location").get();
    assertTrue(landing.startsWith(base + "app/"), landing);
    HttpResponse<String> page = get(URI.create(landing), Map.of());
    assertEquals(200, page.statusCode(), page.body());
  }

  private HttpResponse<String> get(URI uri, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }
}

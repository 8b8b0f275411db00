package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
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
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.web.config.TremplinConfig;

/**
 * A simulated LMS platform for HTTP tests: its keyset served on loopback, Tremplin started on a
 * free port with this platform configured and an in-memory H2 database of its own, and a browser
 * (HTTP/1.1 client with a cookie jar) that logs in, signs id_tokens and launches.
 */
final class LtiTestPlatform implements AutoCloseable {
  static final String ISSUER = "https://lms.example.org";
  static final String CLIENT_ID = "tremplin-client";
  static final String DEPLOYMENT = "dep-1";
  static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

  private final RSAKey key;
  private final HttpServer jwks;
  final TremplinServer tremplin;
  final URI base;

  LtiTestPlatform(String databaseName) throws Exception {
    this(databaseName, Map.of());
  }

  /** With these configuration keys added (or replaced). */
  LtiTestPlatform(String databaseName, Map<String, String> extraProperties) throws Exception {
    key = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
    byte[] keys = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
    jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    jwks.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, keys.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(keys);
          }
        });
    jwks.start();
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    base = URI.create("http://127.0.0.1:" + port + "/");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("tremplin.base-url", base.toString());
    properties.put("tremplin.http.port", String.valueOf(port));
    properties.put("tremplin.datasource.url", "jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1");
    properties.put("tremplin.lti.platforms", "lms");
    properties.put("tremplin.lti.platform.lms.issuer", ISSUER);
    properties.put("tremplin.lti.platform.lms.client-id", CLIENT_ID);
    properties.put("tremplin.lti.platform.lms.deployment-ids", DEPLOYMENT);
    properties.put("tremplin.lti.platform.lms.auth-url", ISSUER + "/auth");
    properties.put("tremplin.lti.platform.lms.token-url", ISSUER + "/token");
    // this platform's own role mapping: its content developers are school managers
    properties.put("tremplin.lti.platform.lms.role-mapping", "ContentDeveloper=MANAGER");
    properties.put(
        "tremplin.lti.platform.lms.jwks-url",
        "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
    properties.putAll(extraProperties);
    tremplin =
        TremplinServer.start(
            TremplinConfig.from(
                new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(properties, "test", 500))
                    .build()));
  }

  /** A new browser: its own cookie jar. */
  Browser browser() {
    return new Browser();
  }

  /** The id_token claims of a resource link launch from course {@code contextId}. */
  JWTClaimsSet.Builder claims(String nonce, String sub, String contextId, List<String> roles) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(CLIENT_ID)
        .subject(sub)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("name", "User " + sub)
        .claim(LtiClaims.VERSION, "1.3.0")
        .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
        .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT)
        .claim(LtiClaims.TARGET_LINK_URI, base + "lti/launch")
        .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"))
        .claim(LtiClaims.ROLES, roles)
        .claim(LtiClaims.CONTEXT, Map.of("id", contextId, "title", "DWWM"));
  }

  String sign(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Override
  public void close() {
    tremplin.close();
    jwks.stop(0);
  }

  /** A browser: an HTTP/1.1 client that never follows redirects by itself, and a cookie jar. */
  final class Browser {
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private String language = "fr";

    Browser speaking(String acceptLanguage) {
      language = acceptLanguage;
      return this;
    }

    /** Logs in through /lti/login and launches with an id_token built from these claims. */
    HttpResponse<String> launch(String sub, String contextId, List<String> roles) throws Exception {
      return launch(sub, contextId, roles, Map.of());
    }

    /** The same, with extra claims. */
    HttpResponse<String> launch(
        String sub, String contextId, List<String> roles, Map<String, Object> extra)
        throws Exception {
      HttpResponse<String> login =
          get(
              base.resolve(
                  "lti/login?"
                      + form(
                          Map.of(
                              "iss", ISSUER,
                              "login_hint", sub,
                              "target_link_uri", base + "lti/launch",
                              "client_id", CLIENT_ID,
                              "lti_deployment_id", DEPLOYMENT))));
      assertThat(login.statusCode()).isEqualTo(302);
      Map<String, String> query =
          query(URI.create(login.headers().firstValue("Location").orElseThrow()));
      JWTClaimsSet.Builder claims = claims(query.get("nonce"), sub, contextId, roles);
      extra.forEach(claims::claim);
      return post(
          base.resolve("lti/launch"),
          Map.of("id_token", sign(claims.build()), "state", query.get("state")));
    }

    /** GETs the response's Location, as a browser follows a redirect. */
    HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
      assertThat(response.statusCode()).isBetween(300, 399);
      return get(URI.create(response.headers().firstValue("Location").orElseThrow()));
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(uri).GET());
    }

    HttpResponse<String> post(URI uri, Map<String, String> values)
        throws IOException, InterruptedException {
      return send(
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form(values))));
    }

    void forgetCookies() {
      cookies.clear();
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      request.header("Accept-Language", language);
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String header : response.headers().allValues("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      return response;
    }
  }

  static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }
}

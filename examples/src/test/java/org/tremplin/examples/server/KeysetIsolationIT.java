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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.web.config.TremplinConfig;

/**
 * Four platforms on one served tool (default keyset fetcher): {@code good} publishes its keyset,
 * {@code refused} points at a closed port, {@code failing} answers 500 and {@code hanging} never
 * answers. Launches from a platform whose keyset cannot be fetched get a clear 503 page; the others
 * keep launching, even while a fetch hangs.
 */
class KeysetIsolationIT {
  private static final String ISSUER = "https://lms.example.org";
  private static final String DEPLOYMENT = "dep-1";
  private static final List<String> PLATFORMS = List.of("good", "refused", "failing", "hanging");

  private static final Map<String, RSAKey> KEYS = new LinkedHashMap<>();
  private static final AtomicInteger HANGING_FETCHES = new AtomicInteger();
  private static final CountDownLatch HANGING_FETCH_STARTED = new CountDownLatch(1);
  private static final CountDownLatch RELEASE = new CountDownLatch(1);
  private static HttpServer platform;
  private static TremplinServer tremplin;
  private static URI base;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @BeforeAll
  static void startPlatformsAndTool() throws Exception {
    for (String name : PLATFORMS) {
      KEYS.put(name, new RSAKeyGenerator(2048).keyID(name + "-key").generate());
    }
    byte[] goodKeys =
        new JWKSet(KEYS.get("good").toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
    platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    platform.setExecutor(Executors.newCachedThreadPool());
    platform.createContext(
        "/good/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, goodKeys.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(goodKeys);
          }
        });
    platform.createContext(
        "/failing/jwks",
        exchange -> {
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    platform.createContext(
        "/hanging/jwks",
        exchange -> {
          HANGING_FETCHES.incrementAndGet();
          HANGING_FETCH_STARTED.countDown();
          try {
            RELEASE.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    platform.start();
    String platformUrl = "http://127.0.0.1:" + platform.getAddress().getPort();
    int closedPort = freePort();

    int port = freePort();
    base = URI.create("http://127.0.0.1:" + port + "/");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("tremplin.base-url", base.toString());
    properties.put("tremplin.http.host", "127.0.0.1");
    properties.put("tremplin.http.port", String.valueOf(port));
    properties.put("tremplin.datasource.url", "jdbc:h2:mem:keyset-isolation-it;DB_CLOSE_DELAY=-1");
    properties.put("tremplin.lti.platforms", String.join(",", PLATFORMS));
    for (String name : PLATFORMS) {
      String prefix = "tremplin.lti.platform." + name + ".";
      properties.put(prefix + "issuer", ISSUER);
      properties.put(prefix + "client-id", name + "-client");
      properties.put(prefix + "deployment-ids", DEPLOYMENT);
      properties.put(prefix + "auth-url", ISSUER + "/auth");
      properties.put(prefix + "token-url", ISSUER + "/token");
      properties.put(
          prefix + "jwks-url",
          name.equals("refused")
              ? "http://127.0.0.1:" + closedPort + "/jwks"
              : platformUrl + "/" + name + "/jwks");
    }
    tremplin =
        TremplinServer.start(
            TremplinConfig.from(
                new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(properties, "test", 500))
                    .build()));
  }

  @AfterAll
  static void stop() {
    RELEASE.countDown();
    if (tremplin != null) {
      tremplin.close();
    }
    if (platform != null) {
      platform.stop(0);
    }
  }

  @Test
  void aPlatformWhoseKeysetCannotBeFetchedFailsAloneWithAClear503Page() throws Exception {
    for (String down : List.of("refused", "failing")) {
      HttpResponse<String> refused = launch(down);

      assertThat(refused.statusCode()).as(down).isEqualTo(503);
      assertThat(refused.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("text/html");
      assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
      assertThat(refused.body())
          .contains("KEYSET_UNAVAILABLE")
          .contains("cannot be reached")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");

      assertThat(LaunchCorpusHttpIT.accepted(launch("good"))).as("good, after " + down).isTrue();
    }
  }

  @Test
  void aHangingKeysetHoldsUpNeitherOtherPlatformsNorMoreThanOneFetch() throws Exception {
    CompletableFuture<HttpResponse<String>> first = launchAsync("hanging");
    assertThat(HANGING_FETCH_STARTED.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<HttpResponse<String>> second = launchAsync("hanging");

    HttpResponse<String> good = launch("good");

    assertThat(LaunchCorpusHttpIT.accepted(good)).as(good.body()).isTrue();
    assertThat(first).as("the hanging platform's launch is still waiting").isNotDone();
    assertThat(first.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
    assertThat(second.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
    assertThat(second.get().body()).contains("KEYSET_UNAVAILABLE");
    assertThat(HANGING_FETCHES).as("concurrent fetches coalesced").hasValue(1);
  }

  // --- the simulated browser and platforms ---

  private HttpResponse<String> launch(String platformName) throws Exception {
    return launchAsync(platformName).get(30, TimeUnit.SECONDS);
  }

  private CompletableFuture<HttpResponse<String>> launchAsync(String platformName)
      throws Exception {
    String clientId = platformName + "-client";
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(
                    base.resolve(
                        "lti/login?"
                            + form(
                                Map.of(
                                    "iss",
                                    ISSUER,
                                    "login_hint",
                                    "u1",
                                    "target_link_uri",
                                    base + "app",
                                    "client_id",
                                    clientId))))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    Map<String, String> query =
        query(URI.create(login.headers().firstValue("Location").orElseThrow()));
    String state = query.get("state");
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(clientId)
            .subject("user-" + platformName)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", query.get("nonce"))
            .claim(LtiClaims.VERSION, "1.3.0")
            .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
            .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT)
            .claim(LtiClaims.TARGET_LINK_URI, base + "app")
            .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"))
            .claim(LtiClaims.ROLES, List.of())
            .build();
    RSAKey key = KEYS.get(platformName);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return http.sendAsync(
        HttpRequest.newBuilder(base.resolve("lti/launch"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", "lti1p3_" + state + "=" + state)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    form(Map.of("id_token", jwt.serialize(), "state", state))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
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
      int eq = pair.indexOf('=');
      values.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

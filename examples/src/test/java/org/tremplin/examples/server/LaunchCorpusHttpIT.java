package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tremplin.core.internal.Database;
import org.tremplin.lti.keys.CachingPlatformKeys;
import org.tremplin.lti.keys.HttpJwksFetcher;
import org.tremplin.lti.launch.LaunchError;
import org.tremplin.lti.store.JdbiNonces;
import org.tremplin.web.TremplinFeature;
import org.tremplin.web.config.TremplinConfig;

/**
 * The launch certification corpus of {@code LaunchCorpusTest} (lti-adapter test resources, see its
 * README) run over real HTTP: for each case a real login at {@code /lti/login} gives the state,
 * nonce and binding cookie that the case's claims and form use, and the launch is posted to {@code
 * /lti/launch}. Every rejection must answer the code's HTTP status with an HTML page naming the
 * code, never cached, with no session cookie and no redirect. Meanwhile everything the server logs
 * is captured, and must contain none of the tokens, states, nonces, cookie values or key material
 * of the run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaunchCorpusHttpIT {
  private static final Path CORPUS =
      Path.of("..", "lti-adapter", "src", "test", "resources", "org", "tremplin", "lti", "corpus");
  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  private static final String ISSUER = "https://moodle.example.org";
  private static final String CLIENT_ID = "client-123";
  private static final String AUTO_CLIENT_ID = "client-auto";
  private static final String DOWN_CLIENT_ID = "client-down";
  private static final String TOOL = "https://tool.example.org/";

  private static RSAKey platformRsa;
  private static RSAKey otherRsa;
  private static ECKey platformEc;
  private static HttpServer platform;
  private static TremplinServer tremplin;
  private static HikariDataSource pool;
  private static URI base;
  private static final SettableClock CLOCK = new SettableClock(NOW);

  /** Every value that must never reach a log line. */
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  private static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
  private static PrintStream originalErr;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @BeforeAll
  static void startPlatformAndTool() throws Exception {
    originalErr = System.err;
    System.setErr(new PrintStream(new Tee(originalErr, LOGS), true, StandardCharsets.UTF_8));
    platformRsa = new RSAKeyGenerator(2048).keyID("platform-rsa").generate();
    otherRsa = new RSAKeyGenerator(2048).keyID("platform-rsa").generate();
    platformEc = new ECKeyGenerator(Curve.P_256).keyID("platform-ec").generate();
    for (RSAKey key : List.of(platformRsa, otherRsa)) {
      SECRETS.addAll(
          List.of(
              key.getModulus().toString(),
              key.getPrivateExponent().toString(),
              key.getFirstPrimeFactor().toString(),
              key.getSecondPrimeFactor().toString()));
    }
    SECRETS.add(platformEc.getD().toString());
    byte[] jwks =
        new JWKSet(List.of(platformRsa.toPublicJWK(), platformEc.toPublicJWK()))
            .toString(true)
            .getBytes(StandardCharsets.UTF_8);
    platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    platform.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(jwks);
          }
        });
    platform.createContext(
        "/down",
        exchange -> {
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    platform.start();
    String platformUrl = "http://127.0.0.1:" + platform.getAddress().getPort();

    int port = freePort();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("tremplin.base-url", TOOL);
    properties.put("tremplin.http.host", "127.0.0.1");
    properties.put("tremplin.http.port", String.valueOf(port));
    properties.put(
        "tremplin.datasource.url", "jdbc:h2:mem:launch-corpus-http-it;DB_CLOSE_DELAY=-1");
    properties.put("tremplin.lti.platforms", "moodle, auto, down");
    platform(properties, "moodle", CLIENT_ID, platformUrl + "/jwks");
    platform(properties, "auto", AUTO_CLIENT_ID, platformUrl + "/jwks");
    properties.put("tremplin.lti.platform.auto.auto-deployments", "true");
    platform(properties, "down", DOWN_CLIENT_ID, platformUrl + "/down");
    TremplinConfig config =
        TremplinConfig.from(
            new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build());
    pool = TremplinServer.pool(config.datasource());
    TremplinFeature feature =
        new TremplinFeature(
            config, pool, new CachingPlatformKeys(new HttpJwksFetcher(), CLOCK), CLOCK);
    tremplin = TremplinServer.start(config, pool, feature);
    base = tremplin.uri();
  }

  private static void platform(
      Map<String, String> properties, String name, String clientId, String jwks) {
    String prefix = "tremplin.lti.platform." + name + ".";
    properties.put(prefix + "issuer", ISSUER);
    properties.put(prefix + "client-id", clientId);
    properties.put(prefix + "deployment-ids", "dep-1, dep-2");
    properties.put(prefix + "auth-url", ISSUER + "/mod/lti/auth.php");
    properties.put(prefix + "token-url", ISSUER + "/mod/lti/token.php");
    properties.put(prefix + "jwks-url", jwks);
  }

  @AfterAll
  static void stop() {
    try {
      if (tremplin != null) {
        tremplin.close();
      }
      if (platform != null) {
        platform.stop(0);
      }
    } finally {
      System.setErr(originalErr);
    }
  }

  static Stream<Arguments> cases() {
    return corpus().stream().map(c -> Arguments.of(c.get("name"), c));
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseAnswersOverHttpAsTheCorpusSays(String name, Map<String, Object> testCase)
      throws Exception {
    assumeFalse(
        testCase.containsKey("settings"),
        "launch settings other than the defaults cannot be configured on a served tool");
    String expected = (String) testCase.get("expect");

    HttpResponse<String> response = run(testCase);

    if ("ACCEPTED".equals(expected)) {
      assertThat(accepted(response)).as(response.statusCode() + " " + response.body()).isTrue();
      return;
    }
    LaunchError error = LaunchError.valueOf(expected);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(error.httpStatus());
    assertThat(response.body())
        .contains("<code id=\"error-code\">" + error.name() + "</code>")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/html");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  @Order(2)
  @Test
  void theLogsOfTheWholeRunCarryNoTokenStateNonceCookieOrKey() {
    System.err.flush();
    String logs = LOGS.toString(StandardCharsets.UTF_8);

    assertThat(SECRETS).hasSizeGreaterThan(100);
    assertThat(logs).as("the capture works").contains("org.tremplin");
    List<String> leaked =
        SECRETS.stream()
            .filter(secret -> secret.length() >= 8 && logs.contains(secret))
            .map(secret -> secret.substring(0, 8) + "…")
            .toList();
    assertThat(leaked).as("secrets found in the logs").isEmpty();
  }

  /**
   * Past the validation pipeline: sent to the app (303 with a session), or a page explaining why
   * this identity has no access yet, never a launch error code.
   */
  static boolean accepted(HttpResponse<String> response) {
    return response.statusCode() == 303
        || (response.body().contains("id=\"reason\"")
            && !response.body().contains("id=\"error-code\""));
  }

  /** Session tokens and cookies handed out are secrets too. */
  private static void collectSecrets(HttpResponse<String> response) {
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      SECRETS.add(pair.substring(pair.indexOf('=') + 1));
    }
    response
        .headers()
        .firstValue("Location")
        .map(URI::create)
        .filter(location -> location.getRawQuery() != null)
        .ifPresent(location -> SECRETS.addAll(query(location).values()));
  }

  // --- one case ---

  private record Login(String state, String nonce) {}

  private HttpResponse<String> run(Map<String, Object> c) throws Exception {
    String clientId =
        "unavailable".equals(c.get("keyset"))
            ? DOWN_CLIENT_ID
            : Boolean.TRUE.equals(object(c.get("registration")).get("autoDeployments"))
                ? AUTO_CLIENT_ID
                : CLIENT_ID;
    Login login = login(clientId, (String) c.get("loginDeploymentHint"));
    try {
      if ("expired".equals(c.get("state"))) {
        CLOCK.set(NOW.plus(Duration.ofMinutes(11)));
      }
      if (Boolean.TRUE.equals(c.get("nonceAlreadyUsed"))) {
        new JdbiNonces(Database.open(pool), CLOCK)
            .consume(ISSUER, login.nonce(), NOW.plusSeconds(3600));
      }
      String postedState =
          switch (String.valueOf(c.getOrDefault("state", "ok"))) {
            case "missing" -> null;
            case "unknown" -> "a-state-we-never-issued";
            default -> login.state();
          };
      String cookie =
          switch (String.valueOf(c.getOrDefault("binding", "ok"))) {
            case "missing" -> null;
            case "wrong" -> "lti1p3_" + login.state() + "=state-of-another-login";
            default -> "lti1p3_" + login.state() + "=" + login.state();
          };
      Map<String, String> form = new LinkedHashMap<>();
      if (postedState != null) {
        form.put("state", postedState);
      }
      if (c.containsKey("platformError")) {
        form.put("error", (String) c.get("platformError"));
        form.put("error_description", "The user denied.");
      } else {
        String token = token(c, login.nonce(), clientId);
        SECRETS.add(token);
        form.put("id_token", token);
      }
      HttpResponse<String> response = post(form, cookie);
      collectSecrets(response);
      if (Boolean.TRUE.equals(c.get("replay"))) {
        assertThat(accepted(response)).as("first launch").isTrue();
        response = post(form, cookie);
        collectSecrets(response);
      }
      return response;
    } finally {
      CLOCK.set(NOW);
    }
  }

  private Login login(String clientId, @Nullable String deploymentHint) throws Exception {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("iss", ISSUER);
    parameters.put("login_hint", "user-42");
    parameters.put("target_link_uri", TOOL + "lti/launch");
    parameters.put("client_id", clientId);
    if (deploymentHint != null) {
      parameters.put("lti_deployment_id", deploymentHint);
    }
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("lti/login?" + form(parameters))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    Map<String, String> query =
        query(URI.create(response.headers().firstValue("Location").orElseThrow()));
    Login login = new Login(query.get("state"), query.get("nonce"));
    SECRETS.add(login.state());
    SECRETS.add(login.nonce());
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      SECRETS.add(pair.substring(pair.indexOf('=') + 1));
    }
    return login;
  }

  private HttpResponse<String> post(Map<String, String> form, @Nullable String cookie)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("lti/launch"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(form)));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  // --- building a case's token, as LaunchCorpusTest does ---

  private static String token(Map<String, Object> c, String nonce, String clientId)
      throws JOSEException {
    if (c.get("token") instanceof String raw) {
      return raw;
    }
    Map<String, Object> claims = new LinkedHashMap<>(load("base-claims.json"));
    object(c.get("claims"))
        .forEach(
            (name, value) -> {
              if (value == null) {
                claims.remove(name);
              } else {
                claims.put(name, value);
              }
            });
    claims.replaceAll((name, value) -> resolve(value, nonce));
    for (String audience : List.of("aud", "azp")) {
      claims.computeIfPresent(audience, (name, value) -> ourClient(value, clientId));
    }
    if (c.get("padClaimChars") instanceof Number chars) {
      claims.put("https://example.org/padding", "x".repeat(chars.intValue()));
    }
    Map<String, Object> header = object(c.get("header"));
    String alg = (String) header.getOrDefault("alg", "RS256");
    String defaultKid = alg.startsWith("ES") ? "platform-ec" : "platform-rsa";
    String kid = header.containsKey("kid") ? (String) header.get("kid") : defaultKid;
    return sign(claims, alg, kid, (String) c.getOrDefault("signWith", "PLATFORM"));
  }

  /** The corpus names the client {@code client-123}; cases on another registration use its id. */
  private static Object ourClient(Object value, String clientId) {
    if (CLIENT_ID.equals(value)) {
      return clientId;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> CLIENT_ID.equals(v) ? clientId : v).toList();
    }
    return value;
  }

  private static @Nullable Object resolve(@Nullable Object value, String nonce) {
    if (!(value instanceof String text)) {
      return value;
    }
    if (text.equals("$nonce")) {
      return nonce;
    }
    if (text.startsWith("$now")) {
      return NOW.getEpochSecond() + Long.parseLong(text.substring(4).replace("+", ""));
    }
    return text;
  }

  private static String sign(
      Map<String, Object> claims, String alg, @Nullable String kid, String signing)
      throws JOSEException {
    String payload = JSONObjectUtils.toJSONString(claims);
    if (signing.equals("UNSIGNED") || (signing.equals("EC") && !alg.equals("ES256"))) {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("alg", signing.equals("UNSIGNED") ? "none" : alg);
      if (kid != null) {
        header.put("kid", kid);
      }
      String input =
          Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "." + Base64URL.encode(payload);
      if (signing.equals("UNSIGNED")) {
        return input + ".";
      }
      Base64URL signature =
          new ECDSASigner(platformEc)
              .sign(new JWSHeader(JWSAlgorithm.ES256), input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + signature;
    }
    JWSHeader.Builder header =
        new JWSHeader.Builder(JWSAlgorithm.parse(alg)).type(JOSEObjectType.JWT);
    if (kid != null) {
      header.keyID(kid);
    }
    JWSObject jws = new JWSObject(header.build(), new Payload(payload));
    JWSSigner signer =
        switch (signing) {
          case "HMAC" -> new MACSigner(new byte[32]);
          case "EC" -> new ECDSASigner(platformEc);
          case "OTHER" -> new RSASSASigner(otherRsa);
          default ->
              alg.startsWith("ES") ? new ECDSASigner(platformEc) : new RSASSASigner(platformRsa);
        };
    jws.sign(signer);
    String serialized = jws.serialize();
    if (signing.equals("TAMPERED")) {
      String[] parts = serialized.split("\\.");
      Map<String, Object> altered = new LinkedHashMap<>(claims);
      altered.put("sub", "someone-else");
      return parts[0]
          + "."
          + Base64URL.encode(JSONObjectUtils.toJSONString(altered))
          + "."
          + parts[2];
    }
    return serialized;
  }

  // --- the corpus files ---

  private static List<Map<String, Object>> corpus() {
    List<Map<String, Object>> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path file :
          files
              .filter(
                  p ->
                      p.toString().endsWith(".json")
                          && !p.getFileName().toString().equals("base-claims.json"))
              .sorted()
              .toList()) {
        for (Object item : JSONArrayUtils.parse(Files.readString(file))) {
          cases.add(object(item));
        }
      }
    } catch (IOException | java.text.ParseException e) {
      throw new IllegalStateException("cannot read the corpus at " + CORPUS.toAbsolutePath(), e);
    }
    assertThat(cases).hasSizeGreaterThan(40);
    return Collections.unmodifiableList(cases);
  }

  private static Map<String, Object> load(String file) {
    try {
      return JSONObjectUtils.parse(Files.readString(CORPUS.resolve(file)));
    } catch (IOException | java.text.ParseException e) {
      throw new IllegalStateException(file, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(@Nullable Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
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

  /** A clock the test sets; the server reads it for every decision. */
  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Writes to the real stderr and to the capture. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      synchronized (second) {
        second.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      first.write(bytes, offset, length);
      synchronized (second) {
        second.write(bytes, offset, length);
      }
    }

    @Override
    public void flush() throws IOException {
      first.flush();
    }
  }
}

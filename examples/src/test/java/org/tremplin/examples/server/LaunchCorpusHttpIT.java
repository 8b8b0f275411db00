package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.tremplin.testing.Forms.form;
import static org.tremplin.testing.Forms.query;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.tremplin.examples.server.LtiTestPlatform.Login;
import org.tremplin.lti.launch.JdbiNonces;
import org.tremplin.lti.launch.LaunchError;
import org.tremplin.lti.login.LoginState;
import org.tremplin.testing.IdTokens;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.SimulatedLms;
import org.tremplin.testing.TestKeys;

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
  private static IdTokens tokens;
  private static LtiTestPlatform platform;
  private static URI base;
  private static final MutableClock CLOCK = new MutableClock(NOW);

  /** Every value that must never reach a log line. */
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  private static StderrCapture logs;

  /** A browser that keeps no cookies: each case sends the binding cookie it says. */
  private final LtiTestPlatform.Browser browser = platform.browser().refusingCookies();

  @BeforeAll
  static void startPlatformAndTool() throws Exception {
    logs = new StderrCapture();
    platformRsa = TestKeys.rsa("platform-rsa");
    otherRsa = TestKeys.rsa("platform-rsa");
    platformEc = TestKeys.ec("platform-ec");
    tokens = new IdTokens(platformRsa, otherRsa, platformEc);
    for (RSAKey key : List.of(platformRsa, otherRsa)) {
      SECRETS.addAll(
          List.of(
              key.getModulus().toString(),
              key.getPrivateExponent().toString(),
              key.getFirstPrimeFactor().toString(),
              key.getSecondPrimeFactor().toString()));
    }
    SECRETS.add(platformEc.getD().toString());
    platform =
        new LtiTestPlatform(
            "launch-corpus-http-it",
            lms -> {
              Map<String, String> properties = new LinkedHashMap<>();
              properties.put("tremplin.base-url", TOOL);
              properties.put("tremplin.lti.platforms", "moodle, auto, down");
              String jwks = lms.url("/corpus/jwks");
              properties.putAll(platform("moodle", CLIENT_ID, jwks));
              properties.putAll(platform("auto", AUTO_CLIENT_ID, jwks));
              properties.put("tremplin.lti.platform.auto.auto-deployments", "true");
              properties.putAll(platform("down", DOWN_CLIENT_ID, lms.url("/down")));
              return properties;
            },
            CLOCK);
    platform.serve(
        "/corpus/jwks", SimulatedLms.keyset(platformRsa.toPublicJWK(), platformEc.toPublicJWK()));
    platform.serve("/down", SimulatedLms.failing(500));
    base = platform.base;
  }

  private static Map<String, String> platform(String name, String clientId, String jwks) {
    return LtiTestPlatform.platform(name, ISSUER, clientId, "dep-1, dep-2", jwks);
  }

  @AfterAll
  static void stop() {
    try {
      if (platform != null) {
        platform.close();
      }
    } finally {
      if (logs != null) {
        logs.close();
      }
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
    // A signed login state is single use through its nonce (SignedLoginStates): a nonce that
    // another node already recorded makes the state itself unknown, at step 1 instead of step 8.
    LaunchError error =
        Boolean.TRUE.equals(testCase.get("nonceAlreadyUsed"))
            ? LaunchError.STATE_UNKNOWN
            : LaunchError.valueOf(expected);
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
    String logs = LaunchCorpusHttpIT.logs.text();

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
        new JdbiNonces(platform.tremplin.feature().tremplin().transactions(), CLOCK)
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
            case "wrong" -> LoginState.cookieName(login.state()) + "=state-of-another-login";
            default ->
                LoginState.cookieName(login.state()) + "=" + LoginState.bindingOf(login.state());
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
    Login login = browser.login(parameters);
    SECRETS.add(login.state());
    SECRETS.add(login.nonce());
    for (String setCookie : login.response().headers().allValues("Set-Cookie")) {
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
    return browser.send(request);
  }

  // --- building a case's token, as LaunchCorpusTest does ---

  private static String token(Map<String, Object> c, String nonce, String clientId) {
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
    return tokens.token(
        claims,
        alg,
        kid,
        IdTokens.Signing.valueOf((String) c.getOrDefault("signWith", "PLATFORM")));
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
}

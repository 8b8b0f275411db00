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
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.CourseContext;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.identity.PlatformUser;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.web.config.TremplinConfig;

/**
 * A full OIDC round trip over real HTTP: Tremplin on Jersey/Grizzly (127.0.0.1, free port) and a
 * simulated platform {@code sim} whose keyset is served by a JDK HttpServer in this test.
 */
class LtiLaunchIT {
  private static final String ISSUER = "https://sim.example.org";
  private static final String CLIENT_ID = "tremplin-client";
  private static final String DEPLOYMENT = "dep-1";
  private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

  private static RSAKey platformKey;
  private static HttpServer platform;
  private static TremplinServer tremplin;
  private static TremplinConfig config;
  private static URI base;
  private final HttpClient http =
      // HTTP/1.1 like a browser on http://: the JDK client's default h2c upgrade stalls POST
      // bodies.
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** A browser's cookie jar, reduced to what this flow needs (name → value). */
  private final Map<String, String> cookieJar = new ConcurrentHashMap<>();

  @BeforeAll
  static void startPlatformAndTool() throws Exception {
    platformKey = new RSAKeyGenerator(2048).keyID("sim-key-1").generate();
    byte[] jwks =
        new JWKSet(platformKey.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
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
    platform.start();
    int port = freePort();
    base = URI.create("http://127.0.0.1:" + port + "/");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("tremplin.base-url", base.toString());
    properties.put("tremplin.http.host", "127.0.0.1");
    properties.put("tremplin.http.port", String.valueOf(port));
    properties.put("tremplin.datasource.url", "jdbc:h2:mem:lti-launch-it;DB_CLOSE_DELAY=-1");
    properties.put("tremplin.lti.platforms", "sim");
    properties.put("tremplin.lti.platform.sim.issuer", ISSUER);
    properties.put("tremplin.lti.platform.sim.client-id", CLIENT_ID);
    properties.put("tremplin.lti.platform.sim.deployment-ids", DEPLOYMENT + ", dep-2");
    properties.put("tremplin.lti.platform.sim.auth-url", ISSUER + "/auth");
    properties.put("tremplin.lti.platform.sim.token-url", ISSUER + "/token");
    properties.put(
        "tremplin.lti.platform.sim.jwks-url",
        "http://127.0.0.1:" + platform.getAddress().getPort() + "/jwks");
    config =
        TremplinConfig.from(
            new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build());
    tremplin = TremplinServer.start(config);
    seedCohort();
  }

  /**
   * A school, a cohort linked to the course {@code ctx-1}, and Ada its learner ({@code user-42}).
   */
  private static void seedCohort() {
    Tremplin core = tremplin.feature().tremplin();
    School school =
        core.schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École du Web de test",
                new Departement("92"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    Cohort cohort =
        core.cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo DWWM 2026",
                    new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                    new TemplateRef("ecole-du-web", 1),
                    12,
                    List.of()));
    Learner ada = core.learners().register(manager, school.id(), "Ada", "Lovelace");
    core.learners().join(manager, cohort.id(), ada.id(), LocalDate.of(2025, 9, 1));
    LtiDirectory directory = tremplin.feature().directory();
    directory.linkCourse(
        new CourseContext(ISSUER, CLIENT_ID, DEPLOYMENT, "ctx-1"), cohort.id(), "test");
    directory.linkLearner(new PlatformUser(ISSUER, CLIENT_ID, "user-42"), ada.id());
  }

  @AfterAll
  static void stop() {
    if (tremplin != null) {
      tremplin.close();
    }
    if (platform != null) {
      platform.stop(0);
    }
  }

  @Test
  void aLearnerLaunchesThroughTheFullOidcRoundTrip() throws Exception {
    Login login = login();

    HttpResponse<String> launch = launch(login.state(), sign(claims(login.nonce(), "Ada")));

    assertThat(launch.statusCode()).isEqualTo(303);
    assertThat(launch.headers().firstValue("Location"))
        .get()
        .asString()
        .startsWith(base + "app/home?session=");
    assertThat(launch.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("tremplin_session=")
                    .contains("Secure", "HttpOnly", "SameSite=None", "Partitioned", "Path=/app"));
    HttpResponse<String> home = follow(launch);
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(home.body())
        .contains("data-role=\"LEARNER\"")
        .doesNotContain("data-role=\"TRAINER\"")
        .contains("Ada")
        .contains("Promo DWWM 2026");
  }

  @Test
  void theLoginRedirectCarriesExactlyTheOidcParameters() throws Exception {
    HttpResponse<String> response = get(loginUri(ISSUER));

    assertThat(response.statusCode()).isEqualTo(302);
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    assertThat(location.getScheme() + "://" + location.getAuthority() + location.getPath())
        .isEqualTo(ISSUER + "/auth");
    Map<String, String> query = query(location);
    assertThat(query.keySet())
        .containsExactlyInAnyOrder(
            "scope",
            "response_type",
            "response_mode",
            "prompt",
            "client_id",
            "redirect_uri",
            "login_hint",
            "lti_message_hint",
            "state",
            "nonce")
        .doesNotContain("repost");
    assertThat(query)
        .containsEntry("scope", "openid")
        .containsEntry("response_type", "id_token")
        .containsEntry("response_mode", "form_post")
        .containsEntry("prompt", "none")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("redirect_uri", base + "lti/launch")
        .containsEntry("login_hint", "user 42/é")
        .containsEntry("lti_message_hint", "{\"a\":1}");
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith("lti1p3_" + query.get("state") + "=" + query.get("state") + ";")
        .contains("Secure", "HttpOnly", "SameSite=None", "Partitioned", "Max-Age=600");
  }

  @Test
  void theLoginAlsoAcceptsAFormPost() throws Exception {
    String form =
        form(
            Map.of(
                "iss",
                ISSUER,
                "login_hint",
                "u1",
                "target_link_uri",
                base + "app",
                "client_id",
                CLIENT_ID,
                "canvas_region",
                "ignored"));
    HttpResponse<String> response = post(base.resolve("lti/login"), form, Optional.empty());

    assertThat(response.statusCode()).isEqualTo(302);
  }

  @Test
  void aReplayedLaunchIsRefusedWithItsCode() throws Exception {
    Login login = login();
    String token = sign(claims(login.nonce(), "Ada"));
    assertThat(launch(login.state(), token).statusCode()).isEqualTo(303);

    HttpResponse<String> replay = launch(login.state(), token);

    assertThat(replay.statusCode()).isBetween(400, 499);
    assertThat(replay.body()).contains("STATE_UNKNOWN");
    assertThat(replay.headers().firstValue("Location")).isEmpty();
    assertThat(replay.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void aWrongSignatureIsRefusedWith401() throws Exception {
    Login login = login();
    RSAKey impostor = new RSAKeyGenerator(2048).keyID(platformKey.getKeyID()).generate();

    HttpResponse<String> response =
        launch(login.state(), sign(claims(login.nonce(), "Ada"), impostor));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("SIGNATURE_INVALID").doesNotContain("Exception");
  }

  @Test
  void aLaunchWithoutTheBindingCookieIsRefused() throws Exception {
    Login login = login();
    cookieJar.clear();

    HttpResponse<String> response = launch(login.state(), sign(claims(login.nonce(), "Ada")));

    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(response.body()).contains("STATE_NOT_BOUND");
  }

  @Test
  void anErrorPostedByThePlatformIsShownEscaped() throws Exception {
    Login login = login();
    String form =
        form(
            Map.of(
                "state", login.state(),
                "error", "login_required",
                "error_description", "<b>not signed in</b>"));
    HttpResponse<String> response =
        post(base.resolve("lti/launch"), form, Optional.of(cookieHeader()));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("PLATFORM_ERROR")
        .contains("&lt;b&gt;not signed in&lt;/b&gt;")
        .doesNotContain("<b>");
  }

  @Test
  void anUnknownIssuerAtLoginGetsA400PageNotARedirect() throws Exception {
    HttpResponse<String> response = get(loginUri("https://unknown.example.org"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/html");
    assertThat(response.body()).contains("REGISTRATION_UNKNOWN");
  }

  @Test
  void theNameClaimIsHtmlEscapedInThePage() throws Exception {
    Login login = login();

    HttpResponse<String> response =
        follow(launch(login.state(), sign(claims(login.nonce(), "<script>alert(1)</script>"))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>");
  }

  @Test
  void theJwksPublishesOnlyPublicKeyMembers() throws Exception {
    HttpResponse<String> response = get(base.resolve("lti/jwks"));

    assertThat(response.statusCode()).isEqualTo(200);
    JWKSet keys = JWKSet.parse(response.body());
    assertThat(keys.getKeys()).isNotEmpty();
    keys.getKeys()
        .forEach(
            key -> {
              assertThat(key.isPrivate()).isFalse();
              assertThat(key.toJSONObject()).containsKeys("kty", "kid", "n", "e");
              assertThat(key.toJSONObject()).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
            });
  }

  @Test
  void healthAnswersUp() throws Exception {
    HttpResponse<String> response = get(base.resolve("health"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"UP\",\"database\":\"UP\"}");
  }

  @Test
  void aSecondNodeOnTheSameDatabasePublishesTheSameToolKeys() throws Exception {
    int port = freePort();
    TremplinConfig second =
        new TremplinConfig(
            config.baseUrl(),
            new TremplinConfig.HttpConfig("127.0.0.1", port),
            config.platforms(),
            config.clockSkew(),
            config.datasource());
    String first = get(base.resolve("lti/jwks")).body();
    try (TremplinServer node = TremplinServer.start(second)) {
      String other = get(node.uri().resolve("lti/jwks")).body();

      assertThat(JWKSet.parse(other).getKeys())
          .extracting(com.nimbusds.jose.jwk.JWK::getKeyID)
          .containsExactlyElementsOf(
              JWKSet.parse(first).getKeys().stream()
                  .map(com.nimbusds.jose.jwk.JWK::getKeyID)
                  .toList());
    }
  }

  @Test
  void anOversizedLaunchBodyIsRefusedBeforeParsing() throws Exception {
    String form = "id_token=" + "a".repeat(200 * 1024) + "&state=x";
    HttpResponse<String> response = post(base.resolve("lti/launch"), form, Optional.empty());

    assertThat(response.statusCode()).isEqualTo(413);
  }

  // --- the simulated browser and platform ---

  private record Login(String state, String nonce) {}

  private Login login() throws Exception {
    HttpResponse<String> response = get(loginUri(ISSUER));
    assertThat(response.statusCode()).isEqualTo(302);
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookieJar.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    Map<String, String> query =
        query(URI.create(response.headers().firstValue("Location").orElseThrow()));
    return new Login(query.get("state"), query.get("nonce"));
  }

  private URI loginUri(String issuer) {
    return base.resolve(
        "lti/login?"
            + form(
                Map.of(
                    "iss",
                    issuer,
                    "login_hint",
                    "user 42/é",
                    "target_link_uri",
                    base + "app",
                    "lti_message_hint",
                    "{\"a\":1}",
                    "client_id",
                    CLIENT_ID,
                    "lti_deployment_id",
                    DEPLOYMENT)));
  }

  private JWTClaimsSet claims(String nonce, String name) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(CLIENT_ID)
        .subject("user-42")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("name", name)
        .claim(LtiClaims.VERSION, "1.3.0")
        .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
        .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT)
        .claim(LtiClaims.TARGET_LINK_URI, base + "app")
        .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"))
        .claim(LtiClaims.ROLES, List.of(LEARNER))
        .claim(LtiClaims.CONTEXT, Map.of("id", "ctx-1", "title", "Promo DWWM 2026"))
        .build();
  }

  private static String sign(JWTClaimsSet claims) throws Exception {
    return sign(claims, platformKey);
  }

  private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
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

  private HttpResponse<String> launch(String state, String idToken) throws Exception {
    String cookies = cookieHeader();
    return post(
        base.resolve("lti/launch"),
        form(Map.of("id_token", idToken, "state", state)),
        cookies.isEmpty() ? Optional.empty() : Optional.of(cookies));
  }

  /** GETs the response's Location with the cookie jar, as a browser follows a 303. */
  private HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    return http.send(
        HttpRequest.newBuilder(location).header("Cookie", cookieHeader()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String cookieHeader() {
    return cookieJar.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(URI uri, String form, Optional<String> cookies)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    cookies.ifPresent(c -> request.header("Cookie", c));
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

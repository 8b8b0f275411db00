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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The platform-storage variant of the OIDC round trip over real HTTP (LTI.md §1.6): a login with
 * {@code lti_storage_target} answers the storage page; a launch without the cookie answers the
 * read-back page; its re-post with the value read from platform storage is accepted, a wrong value
 * refused. The browser here keeps no cookies at all, as when third-party cookies are blocked.
 */
class PlatformStorageIT {
  private static final String ISSUER = "https://sim.example.org";
  private static final String CLIENT_ID = "tremplin-client";
  private static final String DEPLOYMENT = "dep-1";
  private static final String TARGET = "post_message_forwarding";
  private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
  private static final String CSP =
      "default-src 'none'; script-src 'self'; form-action 'self'; base-uri 'none'";

  private static RSAKey platformKey;
  private static HttpServer platform;
  private static TremplinServer tremplin;
  private static URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

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
    properties.put("tremplin.datasource.url", "jdbc:h2:mem:platform-storage-it;DB_CLOSE_DELAY=-1");
    properties.put("tremplin.lti.platforms", "sim");
    properties.put("tremplin.lti.platform.sim.issuer", ISSUER);
    properties.put("tremplin.lti.platform.sim.client-id", CLIENT_ID);
    properties.put("tremplin.lti.platform.sim.deployment-ids", DEPLOYMENT);
    properties.put("tremplin.lti.platform.sim.auth-url", ISSUER + "/auth");
    properties.put("tremplin.lti.platform.sim.token-url", ISSUER + "/token");
    properties.put(
        "tremplin.lti.platform.sim.jwks-url",
        "http://127.0.0.1:" + platform.getAddress().getPort() + "/jwks");
    tremplin =
        TremplinServer.start(
            TremplinConfig.from(
                new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(properties, "test", 500))
                    .build()));
    seedCohort();
  }

  /** A cohort linked to the course {@code ctx-1} and its learner Ada ({@code user-42}). */
  private static void seedCohort() {
    Tremplin core = tremplin.feature().tremplin();
    School school =
        core.schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École de test",
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
  void aLoginWithAStorageTargetAnswersTheStoragePageWithTheRedirectAndTheKeys() throws Exception {
    HttpResponse<String> response = get(loginUri(TARGET));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(response.headers().firstValue("Content-Security-Policy")).contains(CSP);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    String html = response.body();
    URI redirect = URI.create(attribute(html, "data-redirect"));
    assertThat(redirect.getScheme() + "://" + redirect.getAuthority() + redirect.getPath())
        .isEqualTo(ISSUER + "/auth");
    Map<String, String> query = query(redirect);
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
            "nonce");
    assertThat(query)
        .containsEntry("redirect_uri", base + "lti/launch")
        .containsEntry("login_hint", "user 42/é")
        .containsEntry("lti_message_hint", "{\"a\":1}");
    String state = query.get("state");
    assertThat(attribute(html, "data-state-key")).isEqualTo("lti_state_" + state);
    assertThat(attribute(html, "data-nonce-key")).isEqualTo("lti_nonce_" + query.get("nonce"));
    assertThat(attribute(html, "data-value")).isEqualTo(state);
    assertThat(attribute(html, "data-target")).isEqualTo(TARGET);
    assertThat(attribute(html, "data-origin")).isEqualTo(ISSUER);
    assertThat(html).contains("<script src=\"storage.js\"></script>");
    assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith("lti1p3_" + state + "=" + state + ";")
        .contains("Partitioned");
  }

  @Test
  void aHostileStorageTargetIsEscapedInThePage() throws Exception {
    HttpResponse<String> response = get(loginUri("\"><script>alert(1)</script>"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("<script>alert").contains("&lt;script&gt;");
    assertThat(attribute(response.body(), "data-target")).isEqualTo("\"><script>alert(1)</script>");
  }

  @Test
  void theStorageScriptIsServedFromOurOwnPath() throws Exception {
    HttpResponse<String> response = get(base.resolve("lti/storage.js"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.body()).contains("lti.capabilities", "lti.put_data", "lti.get_data");
  }

  @Test
  void aLaunchWithoutCookieGetsTheReadBackPageAndItsRePostIsAccepted() throws Exception {
    Login login = login();
    String token = sign(claims(login.nonce()));

    HttpResponse<String> readBack = launch(Map.of("id_token", token, "state", login.state()));

    assertThat(readBack.statusCode()).isEqualTo(200);
    assertThat(readBack.headers().firstValue("Content-Security-Policy")).contains(CSP);
    assertThat(readBack.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(readBack.headers().firstValue("Location")).isEmpty();
    String html = readBack.body();
    assertThat(html).contains("action=\"launch\"");
    assertThat(field(html, "id_token")).isEqualTo(token);
    assertThat(field(html, "state")).isEqualTo(login.state());
    assertThat(attribute(html, "data-state-key")).isEqualTo("lti_state_" + login.state());
    assertThat(attribute(html, "data-nonce-key")).isEqualTo("lti_nonce_" + login.nonce());

    HttpResponse<String> accepted = launch(rePost(token, login, login.value(), login.value()));

    assertThat(accepted.statusCode()).isEqualTo(303);
    assertThat(accepted.headers().firstValue("Location").orElseThrow()).startsWith(base + "app/");
    assertThat(accepted.body()).doesNotContain("error-code").doesNotContain("lti-storage");
  }

  @Test
  void aReplayedRePostIsRefused() throws Exception {
    Login login = login();
    String token = sign(claims(login.nonce()));
    Map<String, String> rePost = rePost(token, login, login.value(), login.value());
    assertThat(launch(rePost).statusCode()).isEqualTo(303);

    HttpResponse<String> replay = launch(rePost);

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("STATE_UNKNOWN");
    assertThat(replay.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void aWrongValueFromStorageIsRefusedWithoutSession() throws Exception {
    Login login = login();
    String token = sign(claims(login.nonce()));

    HttpResponse<String> refused = launch(rePost(token, login, "forged", "forged"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("STATE_NOT_BOUND");
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(refused.headers().firstValue("Location")).isEmpty();
    // refused means consumed: the right value cannot be tried afterwards
    HttpResponse<String> retry = launch(rePost(token, login, login.value(), login.value()));
    assertThat(retry.body()).contains("STATE_UNKNOWN");
  }

  @Test
  void nothingFoundInStorageIsRefusedWithoutSession() throws Exception {
    Login login = login();
    String token = sign(claims(login.nonce()));

    HttpResponse<String> refused = launch(rePost(token, login, "", ""));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("STATE_NOT_BOUND");
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(refused.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void aCookieOnlyLoginWithoutCookieIsRefusedAsBefore() throws Exception {
    HttpResponse<String> response = get(loginUri(null));
    assertThat(response.statusCode()).isEqualTo(302);
    Map<String, String> query =
        query(URI.create(response.headers().firstValue("Location").orElseThrow()));

    HttpResponse<String> launch =
        launch(Map.of("id_token", sign(claims(query.get("nonce"))), "state", query.get("state")));

    assertThat(launch.statusCode()).isEqualTo(403);
    assertThat(launch.body()).contains("STATE_NOT_BOUND").doesNotContain("lti-storage");
  }

  // --- the simulated browser (no cookies) and platform ---

  /** A storage login as the page saw it: state, nonce and the value it wrote to storage. */
  private record Login(String state, String nonce, String value) {}

  private Login login() throws Exception {
    HttpResponse<String> response = get(loginUri(TARGET));
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, String> query = query(URI.create(attribute(response.body(), "data-redirect")));
    return new Login(
        query.get("state"), query.get("nonce"), attribute(response.body(), "data-value"));
  }

  private static Map<String, String> rePost(
      String token, Login login, String storedState, String storedNonce) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("id_token", token);
    form.put("state", login.state());
    form.put("lti_storage_state", storedState);
    form.put("lti_storage_nonce", storedNonce);
    return form;
  }

  private URI loginUri(String storageTarget) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("iss", ISSUER);
    params.put("login_hint", "user 42/é");
    params.put("target_link_uri", base + "app");
    params.put("lti_message_hint", "{\"a\":1}");
    params.put("client_id", CLIENT_ID);
    params.put("lti_deployment_id", DEPLOYMENT);
    if (storageTarget != null) {
      params.put("lti_storage_target", storageTarget);
    }
    return base.resolve("lti/login?" + form(params));
  }

  private JWTClaimsSet claims(String nonce) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(CLIENT_ID)
        .subject("user-42")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("name", "Ada")
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
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(platformKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(platformKey));
    return jwt.serialize();
  }

  private HttpResponse<String> launch(Map<String, String> form) throws Exception {
    return post(base.resolve("lti/launch"), form(form), Optional.empty());
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

  private static String attribute(String html, String name) {
    Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).as(name).isTrue();
    return unescape(m.group(1));
  }

  private static String field(String html, String name) {
    Matcher m =
        Pattern.compile("<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]*)\">")
            .matcher(html);
    assertThat(m.find()).as(name).isTrue();
    return unescape(m.group(1));
  }

  private static String unescape(String text) {
    return text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
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

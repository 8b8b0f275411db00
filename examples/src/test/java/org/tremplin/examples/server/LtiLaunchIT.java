package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.CLIENT_ID;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;
import static org.tremplin.testing.Forms.query;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.examples.server.LtiTestPlatform.Login;
import org.tremplin.lti.login.LoginState;
import org.tremplin.testing.Loopback;
import org.tremplin.testing.TestKeys;
import org.tremplin.web.config.TremplinConfig;

/**
 * A full OIDC round trip over real HTTP: Tremplin on Jersey/Grizzly (127.0.0.1, free port) and the
 * simulated platform of {@link LtiTestPlatform}, whose keyset is served by a JDK HttpServer.
 */
class LtiLaunchIT {
  private static final String LEARNER = MEMBERSHIP + "#Learner";

  private static LtiTestPlatform platform;
  private static String issuer;
  private static URI base;

  /** A browser: its own cookie jar for each test. */
  private final LtiTestPlatform.Browser browser = platform.browser();

  @BeforeAll
  static void startPlatformAndTool() throws Exception {
    platform = new LtiTestPlatform("lti-launch-it");
    issuer = platform.issuer;
    base = platform.base;
    // a cohort linked to the course ctx-1, and Ada its learner (user-42)
    platform.linkCourse("ctx-1", platform.seedCohort("Promo DWWM 2026", "user-42").cohort());
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aLearnerLaunchesThroughTheFullOidcRoundTrip() throws Exception {
    Login login = login();

    HttpResponse<String> launch =
        launch(login.state(), platform.sign(claims(login.nonce(), "Ada")));

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
    HttpResponse<String> home = browser.follow(launch);
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
    HttpResponse<String> response = browser.get(loginUri(issuer));

    assertThat(response.statusCode()).isEqualTo(302);
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    assertThat(location.getScheme() + "://" + location.getAuthority() + location.getPath())
        .isEqualTo(issuer + "/auth");
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
        .startsWith(
            LoginState.cookieName(query.get("state"))
                + "="
                + LoginState.bindingOf(query.get("state"))
                + ";")
        .contains("Secure", "HttpOnly", "SameSite=None", "Partitioned", "Max-Age=600");
  }

  @Test
  void theLoginAlsoAcceptsAFormPost() throws Exception {
    Map<String, String> form =
        Map.of(
            "iss",
            issuer,
            "login_hint",
            "u1",
            "target_link_uri",
            base + "app",
            "client_id",
            CLIENT_ID,
            "canvas_region",
            "ignored");
    HttpResponse<String> response = browser.post(base.resolve("lti/login"), form);

    assertThat(response.statusCode()).isEqualTo(302);
  }

  @Test
  void aReplayedLaunchIsRefusedWithItsCode() throws Exception {
    Login login = login();
    String token = platform.sign(claims(login.nonce(), "Ada"));
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
    RSAKey impostor = TestKeys.rsa(platform.lms.key().getKeyID());

    HttpResponse<String> response =
        launch(login.state(), TestKeys.sign(claims(login.nonce(), "Ada"), impostor));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("SIGNATURE_INVALID").doesNotContain("Exception");
  }

  @Test
  void aLaunchWithoutTheBindingCookieIsRefused() throws Exception {
    Login login = login();
    browser.forgetCookies();

    HttpResponse<String> response =
        launch(login.state(), platform.sign(claims(login.nonce(), "Ada")));

    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(response.body()).contains("STATE_NOT_BOUND");
  }

  @Test
  void anErrorPostedByThePlatformIsShownEscaped() throws Exception {
    Login login = login();
    Map<String, String> form =
        Map.of(
            "state", login.state(),
            "error", "login_required",
            "error_description", "<b>not signed in</b>");
    HttpResponse<String> response = browser.post(base.resolve("lti/launch"), form);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("PLATFORM_ERROR")
        .contains("&lt;b&gt;not signed in&lt;/b&gt;")
        .doesNotContain("<b>");
  }

  @Test
  void anUnknownIssuerAtLoginGetsA400PageNotARedirect() throws Exception {
    HttpResponse<String> response = browser.get(loginUri("https://unknown.example.org"));

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
        browser.follow(
            launch(
                login.state(), platform.sign(claims(login.nonce(), "<script>alert(1)</script>"))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>");
  }

  @Test
  void theJwksPublishesOnlyPublicKeyMembers() throws Exception {
    HttpResponse<String> response = browser.get(base.resolve("lti/jwks"));

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
    HttpResponse<String> response = browser.get(base.resolve("health"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"UP\",\"database\":\"UP\"}");
  }

  @Test
  void aSecondNodeOnTheSameDatabasePublishesTheSameToolKeys() throws Exception {
    int port = Loopback.freePort();
    TremplinConfig config = platform.config;
    TremplinConfig second =
        new TremplinConfig(
            config.baseUrl(),
            new TremplinConfig.HttpConfig("127.0.0.1", port),
            config.platforms(),
            config.clockSkew(),
            config.datasource());
    String first = browser.get(base.resolve("lti/jwks")).body();
    try (TremplinServer node = TremplinServer.start(second)) {
      String other = browser.get(node.uri().resolve("lti/jwks")).body();

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
    HttpResponse<String> response = browser.post(base.resolve("lti/launch"), form);

    assertThat(response.statusCode()).isEqualTo(413);
  }

  // --- the simulated browser and platform ---

  private Login login() throws Exception {
    return browser.login(loginParameters(issuer));
  }

  private static Map<String, String> loginParameters(String iss) {
    Map<String, String> parameters = platform.loginParameters("user 42/é");
    parameters.put("iss", iss);
    parameters.put("target_link_uri", base + "app");
    parameters.put("lti_message_hint", "{\"a\":1}");
    return parameters;
  }

  private static URI loginUri(String iss) {
    return platform.loginUri(loginParameters(iss));
  }

  private static JWTClaimsSet claims(String nonce, String name) {
    return platform.claims(nonce, "user-42", "ctx-1", List.of(LEARNER)).claim("name", name).build();
  }

  private HttpResponse<String> launch(String state, String idToken) throws Exception {
    return browser.post(base.resolve("lti/launch"), Map.of("id_token", idToken, "state", state));
  }
}

package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.testing.Forms.form;
import static org.tremplin.testing.Forms.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.examples.server.LtiTestPlatform.Login;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.testing.SimulatedLms;

/**
 * Dynamic Registration end to end over real HTTP (LTI.md §7): Tremplin on Jersey/Grizzly with no
 * configured platform, and two simulated platforms on loopback, one behaving like Moodle (returns a
 * deployment id) and one like Canvas (returns none). After {@code /lti/register}, a full OIDC login
 * and launch from each works.
 */
class LtiDynamicRegistrationIT {
  private static final String INSTRUCTOR =
      "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Platform moodle;
  private static Platform canvas;
  private static LtiTestPlatform tool;
  private static URI base;

  private final LtiTestPlatform.Browser browser = tool.browser();

  @BeforeAll
  static void start() throws Exception {
    moodle =
        new Platform(
            "moodle",
            "{\"client_id\": \"moodle-dyn\","
                + " \"https://purl.imsglobal.org/spec/lti-tool-configuration\":"
                + " {\"deployment_id\": \"12\"}}");
    canvas = new Platform("canvas", "{\"client_id\": \"10000000000042\"}");
    // no configured platform: only those registered below
    // the simulated platforms live on loopback: allowed here on purpose (closed by default)
    tool =
        new LtiTestPlatform(
            "lti-dynamic-registration-it",
            Map.of(
                "tremplin.lti.platforms", "",
                "tremplin.lti.registration.allowed-hosts", "localhost",
                "tremplin.lti.registration.allow-private-addresses", "true"));
    base = tool.base;
    register(moodle);
    register(canvas);
    // identity needs the platform's school (LTI.md §3); registration does not say which it is
    School school =
        tool.tremplin
            .feature()
            .tremplin()
            .schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École du Web",
                new Departement("95"));
    tool.tremplin.feature().directory().bindSchool(moodle.base(), "moodle-dyn", school.id());
    tool.tremplin.feature().directory().bindSchool(canvas.base(), "10000000000042", school.id());
  }

  @AfterAll
  static void stop() {
    if (tool != null) {
      tool.close();
    }
    for (Platform platform : new Platform[] {moodle, canvas}) {
      if (platform != null) {
        platform.lms.close();
      }
    }
  }

  /** What the platform's registration dialog does: open our URL with its two parameters. */
  private static void register(Platform platform) throws Exception {
    platform.registrationPage =
        tool.browser()
            .get(
                base.resolve(
                    "lti/register?"
                        + form(
                            Map.of(
                                "openid_configuration",
                                platform.base() + "/openid-configuration",
                                "registration_token",
                                "token-" + platform.family))));
  }

  @Test
  void theRegistrationPageClosesTheDialogWithANonceAllowedScript() {
    HttpResponse<String> page = moodle.registrationPage;

    assertThat(page.statusCode()).isEqualTo(200);
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    Matcher nonce = Pattern.compile("script-src 'nonce-([A-Za-z0-9_-]{16,})'").matcher(csp);
    assertThat(nonce.find()).isTrue();
    assertThat(csp).startsWith("default-src 'none'");
    assertThat(page.body())
        .contains("<script nonce=\"" + nonce.group(1) + "\">")
        .contains("(window.opener || window.parent).postMessage(")
        .contains("subject: 'org.imsglobal.lti.close'")
        .doesNotContain("onload=")
        .contains("moodle-dyn");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void bothPlatformsReceivedTheirTokenAndOurUrls() throws Exception {
    for (Platform platform : List.of(moodle, canvas)) {
      // the first registration's two requests (a later test registers Moodle again, tokenless)
      assertThat(platform.authorizations.subList(0, 2))
          .containsExactly("Bearer token-" + platform.family, "Bearer token-" + platform.family);
      JsonNode posted = JSON.readTree(platform.posted.get(0));
      assertThat(posted.path("initiate_login_uri").asText()).isEqualTo(base + "lti/login");
      assertThat(posted.path("redirect_uris").get(0).asText()).isEqualTo(base + "lti/launch");
      assertThat(posted.path("jwks_uri").asText()).isEqualTo(base + "lti/jwks");
    }
  }

  @Test
  void aTrainerLaunchesFromTheDynamicallyRegisteredMoodle() throws Exception {
    Login login = login(moodle, "moodle-dyn", "12");

    HttpResponse<String> launch =
        launch(login.state(), sign(moodle, claims(moodle, "moodle-dyn", "12", login.nonce())));

    assertAccepted(launch);
  }

  @Test
  void anotherMoodleDeploymentIsRefused() throws Exception {
    Login login = login(moodle, "moodle-dyn", null);

    HttpResponse<String> launch =
        launch(login.state(), sign(moodle, claims(moodle, "moodle-dyn", "13", login.nonce())));

    assertThat(launch.statusCode()).isBetween(400, 499);
    assertThat(launch.body()).contains("DEPLOYMENT");
  }

  @Test
  void aCanvasInstallIsAcceptedAndItsDeploymentRecorded() throws Exception {
    Login login = login(canvas, "10000000000042", null);

    HttpResponse<String> launch =
        launch(
            login.state(),
            sign(canvas, claims(canvas, "10000000000042", "189:7f95e1", login.nonce())));

    assertAccepted(launch);
    assertThat(deployments(canvas.base(), "10000000000042")).containsEntry("189:7f95e1", "LAUNCH");
  }

  @Test
  void aRegistrationWithoutParametersGetsA400PageWithItsCode() throws Exception {
    HttpResponse<String> response = get(base.resolve("lti/register"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("OPENID_CONFIGURATION_MISSING")
        .contains("lang=\"fr\"")
        .contains("lang=\"en\"")
        .doesNotContain("<script");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .startsWith("default-src 'none';")
        .doesNotContain("script-src");
  }

  @Test
  void registeringTheSamePlatformAgainUpdatesItAndClosesTheDialog() throws Exception {
    // Moodle's "Update": the platform answers with the client id Tremplin already knows
    HttpResponse<String> response =
        get(
            base.resolve(
                "lti/register?"
                    + form(
                        Map.of("openid_configuration", moodle.base() + "/openid-configuration"))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("id=\"updated\"")
        .contains("postMessage({subject: 'org.imsglobal.lti.close'}, '*')")
        .doesNotContain("ALREADY_REGISTERED");
    // and the platform still launches
    Login login = login(moodle, "moodle-dyn", "12");
    assertAccepted(
        launch(login.state(), sign(moodle, claims(moodle, "moodle-dyn", "12", login.nonce()))));
  }

  @Test
  void theCanvasJsonNamesOurUrls() throws Exception {
    HttpResponse<String> response = get(base.resolve("lti/canvas.json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("json");
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.path("oidc_initiation_url").asText()).isEqualTo(base + "lti/login");
    assertThat(json.path("public_jwk_url").asText()).isEqualTo(base + "lti/jwks");
  }

  @Test
  void theLogoIsServed() throws Exception {
    HttpResponse<String> response = get(base.resolve("lti/logo.svg"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("svg");
  }

  /** An accepted launch opens a session and sends the user into the app (LTI.md §3). */
  private void assertAccepted(HttpResponse<String> launch) {
    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    assertThat(launch.headers().firstValue("Location"))
        .get()
        .asString()
        .startsWith(base + "app/link?session=");
  }

  // --- the simulated platforms and browser ---

  /** A platform on loopback: OpenID configuration, registration endpoint and keyset. */
  private static final class Platform {
    final String family;
    final SimulatedLms lms;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> posted = new CopyOnWriteArrayList<>();
    volatile HttpResponse<String> registrationPage;

    Platform(String family, String registrationAnswer) throws Exception {
      this.family = family;
      this.lms = new SimulatedLms(family + "-key");
      lms.serve(
          "/openid-configuration",
          exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            SimulatedLms.respond(exchange, 200, "application/json", configuration());
          });
      lms.serve(
          "/register",
          exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            posted.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            SimulatedLms.respond(
                exchange,
                200,
                "application/json",
                registrationAnswer.getBytes(StandardCharsets.UTF_8));
          });
    }

    /** Its issuer, which is also its origin. */
    String base() {
      return lms.issuer();
    }

    private byte[] configuration() {
      String messages =
          family.equals("moodle")
              ? "[\"LtiResourceLinkRequest\", \"LtiDeepLinkingRequest\"]"
              : "[{\"type\": \"LtiResourceLinkRequest\"}, {\"type\": \"LtiDeepLinkingRequest\"}]";
      return ("{\"issuer\": \"%1$s\", \"authorization_endpoint\": \"%1$s/auth\","
              + " \"token_endpoint\": \"%1$s/token\", \"jwks_uri\": \"%1$s/jwks\","
              + " \"registration_endpoint\": \"%1$s/register\","
              + " \"https://purl.imsglobal.org/spec/lti-platform-configuration\":"
              + " {\"product_family_code\": \"%2$s\", \"messages_supported\": %3$s}}")
          .formatted(base(), family, messages)
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  private Login login(Platform platform, String clientId, String deploymentHint) throws Exception {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("iss", platform.base());
    parameters.put("login_hint", "u-1");
    parameters.put("target_link_uri", base + "lti/launch");
    parameters.put("client_id", clientId);
    if (deploymentHint != null) {
      parameters.put("lti_deployment_id", deploymentHint);
    }
    Login login = browser.login(parameters);
    URI location = URI.create(login.response().headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(platform.base() + "/auth?");
    assertThat(query(location)).containsEntry("client_id", clientId);
    return login;
  }

  private JWTClaimsSet claims(Platform platform, String clientId, String deployment, String nonce) {
    return tool.claims(nonce, "user-7", "course-1", List.of(INSTRUCTOR))
        .issuer(platform.base())
        .audience(clientId)
        .claim(LtiClaims.DEPLOYMENT_ID, deployment)
        .claim("name", "Ada")
        .build();
  }

  private static String sign(Platform platform, JWTClaimsSet claims) throws Exception {
    return platform.lms.sign(claims);
  }

  private static Map<String, String> deployments(String issuer, String clientId) throws Exception {
    Map<String, String> found = new LinkedHashMap<>();
    try (Connection c = tool.database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select deployment_id, origin from tremplin_lti_deployment"
                    + " where issuer = ? and client_id = ?")) {
      s.setString(1, issuer);
      s.setString(2, clientId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return found;
  }

  private HttpResponse<String> launch(String state, String idToken) throws Exception {
    return browser.post(base.resolve("lti/launch"), Map.of("id_token", idToken, "state", state));
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return browser.get(uri);
  }
}

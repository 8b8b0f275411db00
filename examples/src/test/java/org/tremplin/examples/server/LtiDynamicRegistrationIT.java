package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.web.config.TremplinConfig;

/**
 * Dynamic Registration end to end over real HTTP (LTI.md §7): Tremplin on Jersey/Grizzly with no
 * configured platform, and two simulated platforms on loopback, one behaving like Moodle (returns a
 * deployment id) and one like Canvas (returns none). After {@code /lti/register}, a full OIDC login
 * and launch from each works.
 */
class LtiDynamicRegistrationIT {
  private static final String DB = "jdbc:h2:mem:lti-dynamic-registration-it;DB_CLOSE_DELAY=-1";
  private static final String INSTRUCTOR =
      "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Platform moodle;
  private static Platform canvas;
  private static TremplinServer tremplin;
  private static URI base;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Map<String, String> cookieJar = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    moodle =
        new Platform(
            "moodle",
            "{\"client_id\": \"moodle-dyn\","
                + " \"https://purl.imsglobal.org/spec/lti-tool-configuration\":"
                + " {\"deployment_id\": \"12\"}}");
    canvas = new Platform("canvas", "{\"client_id\": \"10000000000042\"}");
    int port = freePort();
    base = URI.create("http://127.0.0.1:" + port + "/");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("tremplin.base-url", base.toString());
    properties.put("tremplin.http.host", "127.0.0.1");
    properties.put("tremplin.http.port", String.valueOf(port));
    properties.put("tremplin.datasource.url", DB);
    TremplinConfig config =
        TremplinConfig.from(
            new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build());
    tremplin = TremplinServer.start(config);
    register(moodle);
    register(canvas);
    // identity needs the platform's school (LTI.md §3); registration does not say which it is
    School school =
        tremplin
            .feature()
            .tremplin()
            .schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École du Web",
                new Departement("95"));
    tremplin.feature().directory().bindSchool(moodle.base(), "moodle-dyn", school.id());
    tremplin.feature().directory().bindSchool(canvas.base(), "10000000000042", school.id());
  }

  @AfterAll
  static void stop() {
    if (tremplin != null) {
      tremplin.close();
    }
    for (Platform platform : new Platform[] {moodle, canvas}) {
      if (platform != null) {
        platform.server.stop(0);
      }
    }
  }

  /** What the platform's registration dialog does: open our URL with its two parameters. */
  private static void register(Platform platform) throws Exception {
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(
                        base.resolve(
                            "lti/register?"
                                + form(
                                    Map.of(
                                        "openid_configuration",
                                        platform.base() + "/openid-configuration",
                                        "registration_token",
                                        "token-" + platform.family))))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    platform.registrationPage = response;
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
        .contains("default-src 'none'");
  }

  @Test
  void registeringTheSamePlatformAgainIsRefusedWith409() throws Exception {
    HttpResponse<String> response =
        get(
            base.resolve(
                "lti/register?"
                    + form(
                        Map.of("openid_configuration", moodle.base() + "/openid-configuration"))));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).contains("ALREADY_REGISTERED");
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
    final HttpServer server;
    final RSAKey key;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> posted = new CopyOnWriteArrayList<>();
    volatile HttpResponse<String> registrationPage;

    Platform(String family, String registrationAnswer) throws Exception {
      this.family = family;
      this.key = new RSAKeyGenerator(2048).keyID(family + "-key").generate();
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] jwks = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/openid-configuration",
          exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            reply(exchange, configuration());
          });
      server.createContext(
          "/register",
          exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            posted.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(exchange, registrationAnswer.getBytes(StandardCharsets.UTF_8));
          });
      server.createContext("/jwks", exchange -> reply(exchange, jwks));
      server.start();
    }

    String base() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
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

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, byte[] body)
        throws IOException {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private record Login(String state, String nonce) {}

  private Login login(Platform platform, String clientId, String deploymentHint) throws Exception {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("iss", platform.base());
    parameters.put("login_hint", "u-1");
    parameters.put("target_link_uri", base + "lti/launch");
    parameters.put("client_id", clientId);
    if (deploymentHint != null) {
      parameters.put("lti_deployment_id", deploymentHint);
    }
    HttpResponse<String> response = get(base.resolve("lti/login?" + form(parameters)));
    assertThat(response.statusCode()).isEqualTo(302);
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(platform.base() + "/auth?");
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookieJar.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    Map<String, String> query = query(location);
    assertThat(query).containsEntry("client_id", clientId);
    return new Login(query.get("state"), query.get("nonce"));
  }

  private JWTClaimsSet claims(Platform platform, String clientId, String deployment, String nonce) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(platform.base())
        .audience(clientId)
        .subject("user-7")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("name", "Ada")
        .claim(LtiClaims.VERSION, "1.3.0")
        .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
        .claim(LtiClaims.DEPLOYMENT_ID, deployment)
        .claim(LtiClaims.TARGET_LINK_URI, base + "lti/launch")
        .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"))
        .claim(LtiClaims.ROLES, List.of(INSTRUCTOR))
        .claim(LtiClaims.CONTEXT, Map.of("id", "course-1", "title", "DWWM 2026"))
        .build();
  }

  private static String sign(Platform platform, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(platform.key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(platform.key));
    return jwt.serialize();
  }

  private static Map<String, String> deployments(String issuer, String clientId) throws Exception {
    Map<String, String> found = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(DB, "sa", "");
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
    String cookies =
        cookieJar.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; "));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("lti/launch"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    form(Map.of("id_token", idToken, "state", state))));
    Optional.of(cookies).filter(c -> !c.isEmpty()).ifPresent(c -> request.header("Cookie", c));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String form(Map<String, String> values) {
    List<String> pairs = new ArrayList<>();
    values.forEach(
        (k, v) ->
            pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", pairs);
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

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
import com.sun.net.httpserver.HttpExchange;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
 * The platform-storage round trip in a real browser (headless Chromium, all cookies blocked): a
 * fake platform page on {@code localhost} frames the tool (on {@code 127.0.0.1}, another site),
 * answers {@code lti.capabilities} and, from a named frame, {@code lti.put_data} / {@code
 * lti.get_data}; its authorisation endpoint auto-posts the id_token. The tool's scripts must carry
 * the launch through to the app without any cookie. Skipped where Chromium and its driver are not
 * installed ({@code apt-get install chromium chromium-driver}, done by {@code .ci/run}).
 */
class PlatformStorageBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String CLIENT_ID = "tremplin-client";
  private static final String DEPLOYMENT = "dep-1";
  private static final String STORAGE_FRAME = "post_message_forwarding";
  private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

  private static RSAKey platformKey;
  private static HttpServer platform;
  private static String issuer;
  private static TremplinServer tremplin;
  private static URI base;
  private static final List<String> authRequests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startPlatformAndTool() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and chromedriver are not installed");
    platformKey = new RSAKeyGenerator(2048).keyID("sim-key-1").generate();
    platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    issuer = "http://localhost:" + platform.getAddress().getPort();
    int port = freePort();
    base = URI.create("http://127.0.0.1:" + port + "/");
    byte[] jwks =
        new JWKSet(platformKey.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
    platform.createContext("/jwks", exchange -> send(exchange, "application/json", jwks));
    platform.createContext("/course", exchange -> html(exchange, coursePage()));
    platform.createContext("/forwarder", exchange -> html(exchange, FORWARDER));
    platform.createContext("/auth", PlatformStorageBrowserIT::authorize);
    platform.start();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("tremplin.base-url", base.toString());
    properties.put("tremplin.http.host", "127.0.0.1");
    properties.put("tremplin.http.port", String.valueOf(port));
    properties.put("tremplin.datasource.url", "jdbc:h2:mem:platform-storage-browser-it");
    properties.put("tremplin.lti.platforms", "sim");
    properties.put("tremplin.lti.platform.sim.issuer", issuer);
    properties.put("tremplin.lti.platform.sim.client-id", CLIENT_ID);
    properties.put("tremplin.lti.platform.sim.deployment-ids", DEPLOYMENT);
    properties.put("tremplin.lti.platform.sim.auth-url", issuer + "/auth");
    properties.put("tremplin.lti.platform.sim.token-url", issuer + "/token");
    properties.put("tremplin.lti.platform.sim.jwks-url", issuer + "/jwks");
    properties.put(
        "tremplin.datasource.url", "jdbc:h2:mem:platform-storage-browser-it;DB_CLOSE_DELAY=-1");
    tremplin =
        TremplinServer.start(
            TremplinConfig.from(
                new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(properties, "test", 500))
                    .build()));
    seedCohort();
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
  void aFramedLaunchWithCookiesBlockedReachesTheAppThroughPlatformStorage() {
    WebDriver browser = chromium();
    try {
      browser.get(issuer + "/course");
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
      browser.switchTo().frame("tool");
      try {
        wait.until(b -> frameUrl(b).contains("/app/"));
      } catch (org.openqa.selenium.TimeoutException e) {
        String where = frameUrl(browser) + "\n" + browser.getPageSource();
        browser.switchTo().defaultContent();
        Object log =
            ((JavascriptExecutor) browser)
                .executeScript("return JSON.stringify(window.storageLog);");
        throw new AssertionError(
            "tool frame stuck at " + where + "\nstorage log " + log + "\nauth " + authRequests, e);
      }

      // WebDriver's getCurrentUrl is the top page's; the frame's own location is what counts.
      assertThat(frameUrl(browser)).startsWith(base + "app/home");
      assertThat(browser.getPageSource()).contains("Ada");
      browser.switchTo().defaultContent();
      @SuppressWarnings("unchecked")
      // The read-back ("get") only happens when the launch arrived without its cookie.
      List<String> log =
          (List<String>) ((JavascriptExecutor) browser).executeScript("return window.storageLog;");
      assertThat(log)
          .anyMatch(entry -> entry.startsWith("put lti_state_"))
          .anyMatch(entry -> entry.startsWith("put lti_nonce_"))
          .anyMatch(entry -> entry.startsWith("get lti_state_") && entry.endsWith(" found"))
          .anyMatch(entry -> entry.startsWith("get lti_nonce_") && entry.endsWith(" found"));
      assertThat(authRequests).hasSize(1);
    } finally {
      browser.quit();
    }
  }

  private static String frameUrl(WebDriver browser) {
    return String.valueOf(((JavascriptExecutor) browser).executeScript("return location.href;"));
  }

  private static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
    // Block every cookie, as a browser that refuses third-party (and here even partitioned) ones.
    options.setExperimentalOption(
        "prefs", Map.of("profile.default_content_setting_values.cookies", 2));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  /** The platform's course page: the storage frame, the tool frame, and lti.capabilities. */
  private static String coursePage() {
    String login =
        base
            + "lti/login?"
            + form(
                Map.of(
                    "iss", issuer,
                    "login_hint", "user-42",
                    "target_link_uri", base + "app",
                    "client_id", CLIENT_ID,
                    "lti_deployment_id", DEPLOYMENT,
                    "lti_storage_target", STORAGE_FRAME));
    return "<!DOCTYPE html><html><head><title>Course</title></head><body>"
        + "<script>window.storageLog = [];"
        + "window.addEventListener('message', function (e) {"
        + "  var d = e.data;"
        + "  if (d && d.subject === 'lti.capabilities') {"
        + "    e.source.postMessage({subject: 'lti.capabilities.response', message_id: d.message_id,"
        + "      supported_messages: [{subject: 'lti.put_data', frame: '"
        + STORAGE_FRAME
        + "'},"
        + "        {subject: 'lti.get_data', frame: '"
        + STORAGE_FRAME
        + "'}]}, e.origin);"
        + "  }"
        + "});</script>"
        + "<iframe name=\""
        + STORAGE_FRAME
        + "\" src=\"/forwarder\" style=\"display:none\"></iframe>"
        + "<iframe id=\"tool\" name=\"tool\" width=\"800\" height=\"600\" src=\""
        + login.replace("&", "&amp;")
        + "\"></iframe></body></html>";
  }

  /** The platform's storage frame: a map per page, answering put and get with their id. */
  private static final String FORWARDER =
      "<!DOCTYPE html><html><body><script>"
          + "var store = {};"
          + "window.addEventListener('message', function (e) {"
          + "  var d = e.data;"
          + "  if (!d || typeof d.subject !== 'string') { return; }"
          + "  if (d.subject === 'lti.put_data') {"
          + "    store[d.key] = d.value;"
          + "    window.parent.storageLog.push('put ' + d.key);"
          + "    e.source.postMessage({subject: 'lti.put_data.response', message_id: d.message_id,"
          + "      key: d.key, value: d.value}, e.origin);"
          + "  } else if (d.subject === 'lti.get_data') {"
          + "    var value = Object.prototype.hasOwnProperty.call(store, d.key) ? store[d.key] : null;"
          + "    window.parent.storageLog.push('get ' + d.key + (value === null ? ' missing' : ' found'));"
          + "    e.source.postMessage({subject: 'lti.get_data.response', message_id: d.message_id,"
          + "      key: d.key, value: value}, e.origin);"
          + "  }"
          + "});"
          + "</script></body></html>";

  /** The platform's OIDC authorisation endpoint: signs an id_token and auto-posts it. */
  private static void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI());
    authRequests.add(exchange.getRequestURI().toString());
    String token;
    try {
      token = sign(claims(query.get("nonce")));
    } catch (Exception e) {
      throw new IOException(e);
    }
    String page =
        "<!DOCTYPE html><html><body><form id=\"f\" method=\"post\" action=\""
            + query.get("redirect_uri")
            + "\"><input type=\"hidden\" name=\"id_token\" value=\""
            + token
            + "\"><input type=\"hidden\" name=\"state\" value=\""
            + query.get("state")
            + "\"><input type=\"hidden\" name=\"lti_storage_target\" value=\""
            + STORAGE_FRAME
            + "\"></form><script>document.getElementById('f').submit();</script></body></html>";
    html(exchange, page);
  }

  private static JWTClaimsSet claims(String nonce) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
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
        new CourseContext(issuer, CLIENT_ID, DEPLOYMENT, "ctx-1"), cohort.id(), "test");
    directory.linkLearner(new PlatformUser(issuer, CLIENT_ID, "user-42"), ada.id());
  }

  private static void html(HttpExchange exchange, String page) throws IOException {
    send(exchange, "text/html;charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
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

package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.CLIENT_ID;
import static org.tremplin.examples.server.LtiTestPlatform.DEPLOYMENT;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;
import static org.tremplin.testing.Forms.form;
import static org.tremplin.testing.Forms.query;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.tremplin.testing.SimulatedLms;

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
  private static final String STORAGE_FRAME = "post_message_forwarding";
  private static final String LEARNER = MEMBERSHIP + "#Learner";

  private static LtiTestPlatform platform;
  private static String issuer;
  private static URI base;
  private static final List<String> authRequests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startPlatformAndTool() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and chromedriver are not installed");
    platform = new LtiTestPlatform("platform-storage-browser-it");
    issuer = platform.issuer;
    base = platform.base;
    platform.serve("/course", exchange -> html(exchange, coursePage()));
    platform.serve("/forwarder", exchange -> html(exchange, FORWARDER));
    platform.serve("/auth", PlatformStorageBrowserIT::authorize);
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
    return "<!DOCTYPE html><html><head><title>Course</title></head><body><script>window.storageLog"
        + " = [];window.addEventListener('message', function (e) {  var d = e.data;  if (d"
        + " && d.subject === 'lti.capabilities') {    e.source.postMessage({subject:"
        + " 'lti.capabilities.response', message_id: d.message_id,      supported_messages:"
        + " [{subject: 'lti.put_data', frame: '"
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
      "<!DOCTYPE html><html><body><script>var store = {};window.addEventListener('message',"
          + " function (e) {  var d = e.data;  if (!d || typeof d.subject !== 'string') { return; }"
          + "  if (d.subject === 'lti.put_data') {    store[d.key] = d.value;   "
          + " window.parent.storageLog.push('put ' + d.key);    e.source.postMessage({subject:"
          + " 'lti.put_data.response', message_id: d.message_id,      key: d.key, value: d.value},"
          + " e.origin);  } else if (d.subject === 'lti.get_data') {    var value ="
          + " Object.prototype.hasOwnProperty.call(store, d.key) ? store[d.key] : null;   "
          + " window.parent.storageLog.push('get ' + d.key + (value === null ? ' missing' : '"
          + " found'));    e.source.postMessage({subject: 'lti.get_data.response', message_id:"
          + " d.message_id,      key: d.key, value: value}, e.origin);  }});"
          + "</script></body></html>";

  /** The platform's OIDC authorisation endpoint: signs an id_token and auto-posts it. */
  private static void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI());
    authRequests.add(exchange.getRequestURI().toString());
    String token;
    try {
      token = platform.sign(claims(query.get("nonce")));
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
    return platform
        .claims(nonce, "user-42", "ctx-1", List.of(LEARNER))
        .claim("name", "Ada")
        .build();
  }

  private static void html(HttpExchange exchange, String page) throws IOException {
    SimulatedLms.respond(
        exchange, 200, "text/html;charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
  }
}

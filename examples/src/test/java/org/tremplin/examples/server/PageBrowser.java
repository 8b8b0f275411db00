package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tremplin.api.access.Role;
import org.tremplin.testing.Forms;
import org.tremplin.testing.SimulatedLms;

/**
 * A real browser on Tremplin's pages, for the browser tests of issue 12 (items 5, 6, 8): Debian's
 * headless Chromium driven by Selenium, at a given width (1280 px desktop, {@link #PHONE} 390 px);
 * it launches from the {@link LtiTestPlatform}'s simulated LMS as a platform user in French or
 * English (the whole OIDC round trip, in the browser), takes screenshots into {@code
 * examples/target/screenshots/} (or {@code docs/screenshots/}: see {@link #screenshot}), and
 * injects axe-core into the page to assert zero violations of any impact (WCAG 2.1 A/AA and best
 * practices).
 *
 * <p>Skipped (JUnit assumption) where {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * are missing ({@code apt-get install chromium chromium-driver}); axe-core comes from the npm
 * registry ({@code npm install --prefix target/axe axe-core@4.11.4}, done by {@code .ci/run}) or
 * the file named by {@code -Dtremplin.axe}; without it the test is skipped, except under {@code
 * CI=true} where it fails.
 *
 * <pre>{@code
 * PageBrowser.Desk desk = PageBrowser.desk(platform, clock); // once per platform: its /auth
 * try (PageBrowser browser = PageBrowser.open(PageBrowser.DESKTOP)) {
 *   browser.launch(desk, "s-trainer", "course-1", Role.TRAINER, "fr"); // lands on /app/home
 *   browser.driver().findElement(By.id("attendance-link")).click();
 *   browser.assertNoAxeViolations();
 *   browser.screenshot("attendance-sheet-fr-1280");
 * }
 * }</pre>
 *
 * Not thread-safe: one browser per test.
 */
final class PageBrowser implements AutoCloseable {
  /** A desktop or LMS-iframe window. */
  static final int DESKTOP = 1280;

  /** A phone's width. */
  static final int PHONE = 390;

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String AXE_VERSION = "4.11.4";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final WebDriver driver;
  private final int width;

  private PageBrowser(WebDriver driver, int width) {
    this.driver = driver;
    this.width = width;
  }

  /** Skips the calling test where Chromium or its driver is missing. */
  static void assumeChromium() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
  }

  /** A headless Chromium whose window is {@code width} px wide (skips without Chromium). */
  static PageBrowser open(int width) {
    assumeChromium();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--hide-scrollbars",
        "--window-size=" + width + ",900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, 900));
    return new PageBrowser(driver, width);
  }

  /** The Selenium driver, for what this class does not offer. */
  WebDriver driver() {
    return driver;
  }

  /** The window's width. */
  int width() {
    return width;
  }

  /**
   * The simulated LMS's authorisation endpoint for browser launches ({@code /auth} on the
   * platform's server, installed once per platform): it signs an id_token for the user of the
   * {@code login_hint} with the claims registered by {@link #launch}, issued at the tool's clock,
   * and auto-posts it to the tool.
   */
  static Desk desk(LtiTestPlatform platform, Clock clock) {
    Desk desk = new Desk(platform, clock);
    platform.serve("/auth", desk::authorize);
    return desk;
  }

  /** The platform's side of browser launches: who launches with which roles and language. */
  static final class Desk {
    private final LtiTestPlatform platform;
    private final Clock clock;
    private final Map<String, JWTClaimsSet> pending = new ConcurrentHashMap<>();
    private final Map<String, Launch> users = new ConcurrentHashMap<>();

    private record Launch(String context, List<String> roles, String locale, String name) {}

    private Desk(LtiTestPlatform platform, Clock clock) {
      this.platform = platform;
      this.clock = clock;
    }

    private void authorize(HttpExchange exchange) throws IOException {
      Map<String, String> query = Forms.query(exchange.getRequestURI());
      Launch launch = users.get(query.get("login_hint"));
      if (launch == null) {
        SimulatedLms.respond(exchange, 400, "text/plain", "unknown user".getBytes());
        return;
      }
      Date now = Date.from(clock.instant());
      JWTClaimsSet claims =
          platform
              .claims(query.get("nonce"), query.get("login_hint"), launch.context(), launch.roles())
              .issueTime(now)
              .expirationTime(Date.from(clock.instant().plusSeconds(300)))
              .claim("name", launch.name())
              .claim(
                  "https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                  Map.of("locale", launch.locale(), "document_target", "iframe"))
              .build();
      String page =
          "<!DOCTYPE html><html lang=\"en\"><head><title>LMS</title></head><body>"
              + "<form id=\"f\" method=\"post\" action=\""
              + query.get("redirect_uri")
              + "\"><input type=\"hidden\" name=\"id_token\" value=\""
              + platform.sign(claims)
              + "\"><input type=\"hidden\" name=\"state\" value=\""
              + query.get("state")
              + "\"></form><script>document.getElementById('f').submit();</script></body></html>";
      SimulatedLms.respond(
          exchange, 200, "text/html;charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The LTI role URI of a Tremplin role, as the simulated LMS sends it. */
  static String ltiRole(Role role) {
    String membership = LtiTestPlatform.MEMBERSHIP + "#";
    return switch (role) {
      case LEARNER -> membership + "Learner";
      case TRAINER -> membership + "Instructor";
      case COACH -> membership + "Mentor";
      case MANAGER -> membership + "ContentDeveloper";
      case ADMIN -> "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";
    };
  }

  /**
   * Launches from the simulated LMS as user {@code sub} of course {@code context} with this role,
   * the LMS speaking {@code locale} ({@code fr} or {@code en}): the browser goes through {@code
   * /lti/login}, the platform's {@code /auth} and {@code /lti/launch}, and lands on the app.
   *
   * @return the address it landed on (with its session token)
   */
  URI launch(Desk desk, String sub, String context, Role role, String locale) {
    return launch(desk, sub, context, ltiRole(role), locale);
  }

  /** As {@link #launch(Desk, String, String, Role, String)}, with this LTI role URI. */
  URI launch(Desk desk, String sub, String context, String ltiRole, String locale) {
    desk.users.put(sub, new Desk.Launch(context, List.of(ltiRole), locale, "User " + sub));
    Map<String, String> login = desk.platform.loginParameters(sub);
    driver.get(desk.platform.loginUri(login).toString());
    new WebDriverWait(driver, WAIT).until(d -> String.valueOf(d.getCurrentUrl()).contains("/app/"));
    return URI.create(driver.getCurrentUrl());
  }

  /** Goes to this address and waits for the page. */
  void get(URI address) {
    driver.get(address.toString());
  }

  /** The current page's HTML as the browser sees it. */
  String source() {
    return driver.getPageSource();
  }

  /** The current address. */
  URI address() {
    return URI.create(driver.getCurrentUrl());
  }

  /**
   * Saves a screenshot of the whole page (the window grown to the page's height) as {@code
   * examples/target/screenshots/<name>.png}, or as {@code docs/screenshots/<name>.png} in the
   * repository when the run sets {@code -Dtremplin.screenshots=docs} (to refresh the docs'
   * pictures; a plain test run leaves the working tree clean).
   *
   * @return the file written
   */
  Path screenshot(String name) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    long height =
        ((Number)
                js.executeScript(
                    "return Math.max(document.body.scrollHeight,"
                        + " document.documentElement.scrollHeight);"))
            .longValue();
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 20, 6000)));
    try {
      Path dir =
          "docs".equals(System.getProperty("tremplin.screenshots"))
              ? repositoryRoot().resolve("docs/screenshots")
              : repositoryRoot().resolve("examples/target/screenshots");
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  /**
   * Runs axe-core on the current page (every rule of WCAG 2.0/2.1 A and AA and the best practices)
   * and fails listing each violation, whatever its impact.
   */
  void assertNoAxeViolations() {
    Optional<String> axe = axeScript();
    if (axe.isEmpty()) {
      boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
      String message =
          "axe-core "
              + AXE_VERSION
              + " not found: npm install --prefix target/axe axe-core@"
              + AXE_VERSION
              + " (at the repository root), or -Dtremplin.axe=/path/to/axe.min.js";
      if (ci) {
        throw new AssertionError(message);
      }
      Assumptions.abort(message);
    }
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(axe.get());
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                + ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
                + " return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map("
                + "function (n) { return n.target.join(' ') + ' — ' + n.failureSummary; })};"
                + " }))); })"
                + ".catch(function (e) { done('axe failed: ' + e); });");
    assertThat(String.valueOf(result))
        .as("axe-core violations on %s at %d px", driver.getCurrentUrl(), width)
        .isEqualTo("[]");
  }

  /** The axe-core script, when installed. */
  static Optional<String> axeScript() {
    String configured = System.getProperty("tremplin.axe", "");
    List<Path> candidates =
        configured.isEmpty()
            ? List.of(
                repositoryRoot().resolve("target/axe/node_modules/axe-core/axe.min.js"),
                repositoryRoot().resolve("node_modules/axe-core/axe.min.js"))
            : List.of(Path.of(configured));
    for (Path p : candidates) {
      if (Files.isReadable(p)) {
        try {
          return Optional.of(Files.readString(p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return Optional.empty();
  }

  /** The repository's root: the nearest folder up from here with {@code docs/adr}. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("docs/adr"))) {
        return p;
      }
    }
    return dir;
  }

  @Override
  public void close() {
    driver.quit();
  }
}

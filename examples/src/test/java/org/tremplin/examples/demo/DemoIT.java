package org.tremplin.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.Browser;
import org.tremplin.testing.Forms;
import org.tremplin.testing.Loopback;
import org.tremplin.web.config.TremplinConfig;

/**
 * The demo booted in this JVM on a free port and a temporary data directory, and a browser reduced
 * to an HTTP/1.1 client with a cookie jar: every role goes from the demo LMS's course page through
 * the tool's login, the platform's auto-submitting form and the launch to its page. Then a restart
 * on the same data, and the jar's {@code demo --check} and taken-port exit codes as processes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoIT {
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");
  private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]*)\">([^<]*)<");

  @TempDir static Path data;

  private static int port;
  private static URI base;
  private static DemoServer demo;

  /** The shared browser: a cookie jar, redirects followed by hand. */
  private final Browser browser = new Browser();

  @BeforeAll
  static void startDemo() throws Exception {
    port = Loopback.freePort();
    base = URI.create("http://localhost:" + port + "/");
    demo = DemoServer.start(config(), data);
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  private static TremplinConfig config() {
    return new TremplinConfig(
        base,
        new TremplinConfig.HttpConfig("127.0.0.1", port),
        List.of(),
        TremplinConfig.DEFAULT_CLOCK_SKEW,
        new TremplinConfig.DataSourceConfig("jdbc:h2:file:" + data.resolve("tremplin"), "sa", ""));
  }

  @ParameterizedTest
  @EnumSource(DemoRole.class)
  @Order(1)
  void eachRoleLaunchesFromTheCoursePageAndLandsOnItsPage(DemoRole role) throws Exception {
    HttpResponse<String> home = launchFromCoursePage(role, "Aïcha Diallo");
    if (role == DemoRole.COACH) { // a coach lands on their caseload (issue 13)
      assertThat(home.statusCode()).isEqualTo(303);
      HttpResponse<String> caseload =
          get(home.uri().resolve(home.headers().firstValue("Location").orElseThrow()));
      assertThat(caseload.statusCode()).isEqualTo(200);
      assertThat(caseload.uri().getPath()).isEqualTo("/app/caseload");
      assertThat(caseload.body()).contains("id=\"caseload\"").contains("Aïcha Diallo");
      return;
    }

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.uri().getPath()).isEqualTo("/app/home");
    assertThat(roles(home.body())).containsExactly(role.name());
    assertThat(home.body())
        .contains("<p id=\"cohort\">")
        .contains(demo.seeded().cohort().name())
        // a learner lands on their path (issue 12), the others on their role's section
        .contains(
            role == DemoRole.LEARNER
                ? "<section id=\"timeline\""
                : "<section id=\"" + role.key() + "\">");
    if (role == DemoRole.LEARNER) {
      assertThat(home.body()).contains("Aïcha Diallo").doesNotContain("Inès Benali");
    }
  }

  @Test
  @Order(2)
  void theCoachSeesEveryLearnerOfTheCohortAsTheirCaseload() throws Exception {
    HttpResponse<String> home = launchFromCoursePage(DemoRole.COACH, "");
    HttpResponse<String> caseload =
        get(home.uri().resolve(home.headers().firstValue("Location").orElseThrow()));

    assertThat(caseload.body()).contains("<p id=\"summary\">12 personnes suivies");
    assertThat(caseload.body().split("class=\"case\"", -1)).hasSize(13);
  }

  @Test
  @Order(3)
  void theDemoPlatformRefusesARedirectUriThatIsNotTheTools() throws Exception {
    URI auth = authRequestOfALogin(DemoRole.TRAINER);
    URI evil = withParameter(auth, "redirect_uri", "https://evil.example.org/lti/launch");

    HttpResponse<String> response = get(evil);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("<code id=\"error-parameter\">redirect_uri</code>")
        .doesNotContain("id_token")
        .doesNotContain("evil.example.org");
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  @Test
  @Order(4)
  void theDemoPlatformRefusesAnUnknownUserOrClient() throws Exception {
    URI auth = authRequestOfALogin(DemoRole.TRAINER);

    assertThat(get(withParameter(auth, "login_hint", "nobody")).statusCode()).isEqualTo(400);
    assertThat(get(withParameter(auth, "client_id", "someone-else")).body())
        .contains("<code id=\"error-parameter\">client_id</code>");
    assertThat(get(auth).statusCode()).isEqualTo(200); // the untouched request is fine
  }

  @Test
  @Order(5)
  void theCoursePageIsInEnglishOnRequestWithLabelsAndNoInlineScript() throws Exception {
    HttpResponse<String> page = get(base.resolve("demo?lang=en"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"en\">")
        .contains("<h1>Demo LMS</h1>")
        .contains("<label for=\"learner\">")
        .contains("DWWM — Villeneuve-la-Garenne")
        .doesNotContain("<script")
        .doesNotContainPattern(" on[a-z]+=");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("default-src 'none'");
    assertThat(get(base.resolve("demo")).body()).contains("<html lang=\"fr\">");
  }

  @Test
  @Order(5)
  void theFrenchCoursePageIsALayoutPageWithSingleApostrophes() throws Exception {
    HttpResponse<String> page = get(base.resolve("demo"));

    assertThat(page.body())
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .contains("<a class=\"skip\" href=\"#main\">")
        .contains("<main id=\"main\">")
        .containsPattern("<link rel=\"stylesheet\" href=\"/assets/tremplin\\.css\\?v=[0-9a-f]+\">")
        .contains("d'une plateforme", "l'École du Web")
        .doesNotContain("''");
    assertThat(page.body().split("<main[\\s>]", -1)).hasSize(2);
    assertThat(page.body().split("<h1[\\s>]", -1)).hasSize(2);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("style-src 'self'");
  }

  @Test
  @Order(6)
  void theAutoSubmittingFormUsesAServedScriptAllowedByItsPolicy() throws Exception {
    HttpResponse<String> form = get(authRequestOfALogin(DemoRole.MANAGER));

    assertThat(form.body())
        .contains("<form id=\"launch\" method=\"post\" action=\"" + base + "lti/launch\">")
        .contains("<script src=\"" + base + "demo/launch.js\"></script>")
        .doesNotContainPattern(" on[a-z]+=");
    assertThat(form.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    HttpResponse<String> script = get(base.resolve("demo/launch.js"));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("getElementById('launch').submit()");
  }

  @Test
  @Order(10)
  void aRestartOnTheSameDataSeedsNothingAgainAndLaunchesStillWork() throws Exception {
    String keysBefore = get(base.resolve("demo/jwks")).body();
    demo.close();
    demo = null;

    demo = DemoServer.start(config(), data);

    assertThat(demo.seededNow()).isFalse();
    Tremplin tremplin = demo.server().feature().tremplin();
    List<School> schools =
        tremplin.schools().list().stream()
            .filter(s -> s.name().equals(DemoDataset.SCHOOL_NAME))
            .toList();
    assertThat(schools).hasSize(1);
    Actor manager =
        Actor.of(DemoDataset.MANAGER_ID, Role.MANAGER, new Scope.OfSchool(schools.get(0).id()));
    assertThat(tremplin.cohorts().bySchool(manager, schools.get(0).id())).hasSize(1);
    assertThat(demo.roster().learners()).hasSize(12);
    assertThat(JWKSet.parse(get(base.resolve("demo/jwks")).body()).getKeys())
        .extracting(k -> k.getKeyID())
        .containsExactlyElementsOf(
            JWKSet.parse(keysBefore).getKeys().stream().map(k -> k.getKeyID()).toList());
    HttpResponse<String> home = launchFromCoursePage(DemoRole.LEARNER, "Yanis Haddad");
    assertThat(roles(home.body())).containsExactly("LEARNER");
    assertThat(home.body()).contains("Yanis Haddad");
  }

  @Test
  @Order(20)
  void demoCheckLaunchesEveryRoleAndExitsZero(@TempDir Path checkData) throws Exception {
    Run run =
        jar(
            "demo",
            "--check",
            "--lang",
            "en",
            "--port",
            String.valueOf(Loopback.freePort()),
            "--data",
            checkData.toString());

    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
    List<String> lines = run.stdout().lines().toList();
    assertThat(lines).hasSize(10);
    assertThat(lines.get(0)).startsWith("Demo started on http://localhost:").contains("/demo");
    assertThat(lines.subList(1, 5))
        .satisfiesExactly(
            l -> assertThat(l).startsWith("learner (").contains("/app/home", "roles LEARNER"),
            l -> assertThat(l).startsWith("trainer (").contains("roles TRAINER"),
            l -> assertThat(l).startsWith("coach (").contains("roles COACH"),
            l -> assertThat(l).startsWith("manager (").contains("roles MANAGER"));
    assertThat(lines.subList(5, 10))
        .extracting(l -> l.substring(0, l.indexOf(':')))
        .containsExactly(
            "step roster-read",
            "step place-activity",
            "step launch-activity",
            "step record-assessment",
            "step grade-in-gradebook");
    assertThat(lines.subList(5, 10)).allMatch(l -> l.contains(": OK"));
    assertThat(checkData.resolve("tremplin.mv.db")).exists();
    assertThat(checkData.resolve(DemoPlatform.KEY_FILE)).exists();
  }

  @Test
  @Order(21)
  void aTakenPortExitsWithCode2AndOneLineNamingIt(@TempDir Path otherData) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run run =
          jar(
              "demo",
              "--lang",
              "en",
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--data",
              otherData.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      List<String> errors = run.stderr().lines().filter(l -> !l.isBlank()).toList();
      assertThat(errors).hasSize(1);
      assertThat(errors.get(0)).contains("--port " + taken.getLocalPort(), "already in use");
      assertThat(otherData.resolve("tremplin.mv.db")).doesNotExist();
    }
  }

  // --- the browser ---

  /**
   * GET the course page, submit the role's launch form (for a learner, choosing {@code learner} in
   * the list), follow the tool's redirect to the platform, post its form to the tool with the
   * cookies, and follow the 303 to the role's page.
   */
  private HttpResponse<String> launchFromCoursePage(DemoRole role, String learner)
      throws Exception {
    HttpResponse<String> course = get(base.resolve("demo"));
    assertThat(course.statusCode()).isEqualTo(200);
    String form = between(course.body(), "<form id=\"launch-" + role.key() + "\"", "</form>");
    String action = attribute(form, "action");
    assertThat(action).isEqualTo(base + "lti/login");
    assertThat(attribute(form, "method")).isEqualTo("get");
    Map<String, String> fields = hidden(form);
    if (role == DemoRole.LEARNER) {
      Matcher option = OPTION.matcher(form);
      List<String> names = new ArrayList<>();
      while (option.find()) {
        names.add(option.group(2));
        if (option.group(2).equals(learner)) {
          fields.put("login_hint", unescape(option.group(1)));
        }
      }
      assertThat(names).hasSize(12).contains(learner);
    }
    HttpResponse<String> login = get(URI.create(action + "?" + Forms.form(fields)));
    assertThat(login.statusCode()).isEqualTo(302);
    URI auth = URI.create(login.headers().firstValue("Location").orElseThrow());
    assertThat(auth.toString()).startsWith(base + "demo/auth?");

    HttpResponse<String> autoSubmit = get(auth);
    assertThat(autoSubmit.statusCode()).isEqualTo(200);
    String launchForm = between(autoSubmit.body(), "<form id=\"launch\"", "</form>");
    Map<String, String> posted = hidden(launchForm);
    assertThat(posted).containsOnlyKeys("id_token", "state");
    HttpResponse<String> launch = post(URI.create(attribute(launchForm, "action")), posted);
    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    return get(URI.create(launch.headers().firstValue("Location").orElseThrow()));
  }

  /** The platform's authorisation URL the tool redirects a login of this role to. */
  private URI authRequestOfALogin(DemoRole role) throws Exception {
    HttpResponse<String> login =
        get(DemoLms.loginUri(demo.platform(), demo.roster().first(role), "fr"));
    assertThat(login.statusCode()).isEqualTo(302);
    return URI.create(login.headers().firstValue("Location").orElseThrow());
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return browser.get(uri);
  }

  private HttpResponse<String> post(URI uri, Map<String, String> fields)
      throws IOException, InterruptedException {
    return browser.post(uri, fields);
  }

  private static List<String> roles(String html) {
    List<String> roles = new ArrayList<>();
    Matcher m = Pattern.compile("data-role=\"([A-Z]+)\"").matcher(html);
    while (m.find()) {
      roles.add(m.group(1));
    }
    return roles;
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as("%s in the page", start).isNotNegative();
    return text.substring(from, text.indexOf(end, from) + end.length());
  }

  private static String attribute(String tag, String name) {
    Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(tag);
    assertThat(m.find()).as("attribute %s", name).isTrue();
    return unescape(m.group(1));
  }

  private static Map<String, String> hidden(String form) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(form);
    while (m.find()) {
      fields.put(m.group(1), unescape(m.group(2)));
    }
    return fields;
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** {@code uri} with one query parameter's value replaced. */
  private static URI withParameter(URI uri, String name, String value) {
    String query =
        List.of(uri.getRawQuery().split("&")).stream()
            .map(
                p ->
                    p.startsWith(name + "=")
                        ? name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)
                        : p)
            .collect(Collectors.joining("&"));
    String s = uri.toString();
    return URI.create(s.substring(0, s.indexOf('?') + 1) + query);
  }

  // --- the jar as a process ---

  private record Run(int exitCode, String stdout, String stderr) {}

  private static Run jar(String... args) throws Exception {
    String jar = System.getProperty("tremplin.jar");
    assertThat(jar).as("system property tremplin.jar (set by failsafe)").isNotNull();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    Path out = Files.createTempFile("tremplin-demo-out", ".txt");
    Path err = Files.createTempFile("tremplin-demo-err", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(300, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("tremplin " + String.join(" ", args) + " ran over 300 s");
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.testing.Browser;
import org.tremplin.testing.Forms;
import org.tremplin.testing.Loopback;
import org.tremplin.testing.SimulatedLms;

/**
 * A fresh {@code serve} set up only through the subcommands and the REST API (issue 13, item 6):
 * {@code school add}, {@code bind-school} and {@code token create} as processes while it serves,
 * then a cohort, a learner and the enrolment created with the token over {@code /api/v1}, then a
 * trainer launching from the platform is offered that cohort, and the learner is on its roster.
 */
class ApiSetupIT {
  private static final String CLIENT_ID = "tremplin-client";
  private static final String DEPLOYMENT = "dep-1";
  private static final String INSTRUCTOR =
      "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

  @TempDir Path dir;

  @Test
  void aFreshServeSetUpOnlyThroughTheSubcommandsWhileItRunsIsLaunchedInto() throws Exception {
    try (SimulatedLms lms = new SimulatedLms("moodle-key")) {
      int port = Loopback.freePort();
      URI base = URI.create("http://127.0.0.1:" + port + "/");
      Path config = dir.resolve("tremplin.properties");
      // what an operator writes: the database under the data directory, one platform
      Files.writeString(
          config,
          String.join(
              "\n",
              "tremplin.base-url=" + base,
              "tremplin.http.port=" + port,
              "tremplin.datasource.url=jdbc:h2:file:" + dir.resolve("data/tremplin"),
              "tremplin.lti.platforms=moodle",
              "tremplin.lti.platform.moodle.issuer=" + lms.issuer(),
              "tremplin.lti.platform.moodle.client-id=" + CLIENT_ID,
              "tremplin.lti.platform.moodle.deployment-ids=" + DEPLOYMENT,
              "tremplin.lti.platform.moodle.auth-url=" + lms.issuer() + "/auth",
              "tremplin.lti.platform.moodle.token-url=" + lms.issuer() + "/token",
              "tremplin.lti.platform.moodle.jwks-url=" + lms.url("/jwks"),
              ""));
      Path errors = dir.resolve("serve.err");
      Process serve =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  System.getProperty("tremplin.jar"),
                  "serve",
                  "--config",
                  config.toString(),
                  "--lang",
                  "en")
              .redirectError(errors.toFile())
              .start();
      try {
        String listening =
            new BufferedReader(
                    new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertThat(listening).as(Files.readString(errors)).startsWith("Tremplin listening on");

        // while it serves: a school, the platform bound to it, a manager's API token
        JarRun school =
            JarRun.of(
                "school",
                "add",
                "--name",
                "École du Web 93",
                "--departement",
                "93",
                "--config",
                config.toString());
        JarRun bound =
            JarRun.of(
                "bind-school",
                "--issuer",
                lms.issuer(),
                "--client-id",
                CLIENT_ID,
                "--school",
                "École du Web 93",
                "--config",
                config.toString());
        JarRun token =
            JarRun.of(
                "token",
                "create",
                "--school",
                "École du Web 93",
                "--role",
                "manager",
                "--config",
                config.toString(),
                "--lang",
                "en");
        for (JarRun run : List.of(school, bound, token)) {
          assertThat(run.exitCode()).as(run.stderr()).isZero();
        }
        String bearer = token.outputLines().get(1);
        assertThat(bearer).startsWith("tremplin_");

        // then the API: the school as the token sees it, a cohort, a learner, the enrolment
        JsonNode schools = api(base, bearer, "GET", "api/v1/schools", null).path("items");
        assertThat(schools).hasSize(1);
        String schoolId = schools.get(0).path("id").asText();
        String cohort =
            api(
                    base,
                    bearer,
                    "POST",
                    "api/v1/cohorts",
                    "{\"school\":\""
                        + schoolId
                        + "\",\"name\":\"DWWM API 2026\","
                        + "\"start\":\"2026-09-07\",\"end\":\"2027-07-09\","
                        + "\"template\":{\"id\":\"ecole-du-web\",\"version\":1},"
                        + "\"capacity\":12}")
                .path("id")
                .asText();
        String learner =
            api(
                    base,
                    bearer,
                    "POST",
                    "api/v1/learners",
                    "{\"school\":\""
                        + schoolId
                        + "\",\"givenName\":\"Ada\","
                        + "\"familyName\":\"Lovelace\"}")
                .path("id")
                .asText();
        JsonNode enrolment =
            api(
                base,
                bearer,
                "POST",
                "api/v1/cohorts/" + cohort + "/enrolments",
                "{\"learner\":\"" + learner + "\",\"date\":\"2026-09-07\"}");
        assertThat(enrolment.path("enrolled").asBoolean()).isTrue();

        // a trainer launching from the bound platform is offered the cohort made by the API
        Browser trainer = new Browser();
        HttpResponse<String> offer =
            trainer.follow(launch(trainer, lms, base, "trainer-1", List.of(INSTRUCTOR)));
        assertThat(offer.statusCode()).as(offer.body()).isEqualTo(200);
        assertThat(offer.uri().getPath()).isEqualTo("/app/link");
        assertThat(offer.body()).contains("École du Web 93", "DWWM API 2026");
      } finally {
        serve.destroy();
        boolean stopped = serve.waitFor(20, TimeUnit.SECONDS);
        serve.destroyForcibly();
        assertThat(stopped).as("serve stopped within 20 s").isTrue();
      }
      assertThat(Files.readString(errors)).doesNotContain("Exception");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One API call with the token; the reply's JSON (2xx asserted). */
  private static JsonNode api(URI base, String token, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> reply =
        HttpClient.newHttpClient()
            .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(reply.statusCode())
        .as(method + " " + path + ": " + reply.body())
        .isBetween(200, 201);
    return JSON.readTree(reply.body());
  }

  /** Logs in at Tremplin, then posts an id_token the platform signed for this user and roles. */
  private static HttpResponse<String> launch(
      Browser browser, SimulatedLms lms, URI base, String sub, List<String> roles)
      throws Exception {
    Map<String, String> login = new LinkedHashMap<>();
    login.put("iss", lms.issuer());
    login.put("login_hint", sub);
    login.put("target_link_uri", base + "lti/launch");
    login.put("client_id", CLIENT_ID);
    login.put("lti_deployment_id", DEPLOYMENT);
    HttpResponse<String> redirect = browser.get(base.resolve("lti/login?" + Forms.form(login)));
    assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
    Map<String, String> query = Forms.query(URI.create(Browser.location(redirect)));
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(lms.issuer())
            .audience(CLIENT_ID)
            .subject(sub)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", query.get("nonce"))
            .claim("name", "User " + sub)
            .claim(LtiClaims.VERSION, "1.3.0")
            .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
            .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT)
            .claim(LtiClaims.TARGET_LINK_URI, base + "lti/launch")
            .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"))
            .claim(LtiClaims.ROLES, new ArrayList<>(roles))
            .claim(LtiClaims.CONTEXT, Map.of("id", "course-1", "title", "DWWM"))
            .build();
    return browser.post(
        base.resolve("lti/launch"),
        Map.of("id_token", lms.sign(claims), "state", query.get("state")));
  }
}

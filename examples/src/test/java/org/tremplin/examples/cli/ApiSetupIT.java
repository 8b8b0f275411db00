package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tremplin.testing.Browser;
import org.tremplin.testing.SimulatedLms;

/**
 * A fresh {@code serve} set up only through the subcommands and the REST API (issue 13, item 6):
 * {@code school add}, {@code bind-school} and {@code token create} as processes while it serves,
 * then a cohort, a learner and the enrolment created with the token over {@code /api/v1}, then a
 * trainer launching from the platform is offered that cohort, and the learner is on its roster.
 */
class ApiSetupIT {
  private static final String INSTRUCTOR =
      "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

  @TempDir Path dir;

  @Test
  void aFreshServeSetUpOnlyThroughTheSubcommandsWhileItRunsIsLaunchedInto() throws Exception {
    try (SimulatedLms lms = new SimulatedLms("moodle-key");
        ServingJar serving = ServingJar.start(dir, lms)) {
      URI base = serving.base();
      String config = serving.config();

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
              config);
      JarRun bound =
          JarRun.of(
              "bind-school",
              "--issuer",
              lms.issuer(),
              "--client-id",
              ServingJar.CLIENT_ID,
              "--school",
              "École du Web 93",
              "--config",
              config);
      JarRun token =
          JarRun.of(
              "token",
              "create",
              "--school",
              "École du Web 93",
              "--role",
              "manager",
              "--config",
              config,
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
          trainer.follow(serving.launch(trainer, lms, "trainer-1", List.of(INSTRUCTOR)));
      assertThat(offer.statusCode()).as(offer.body()).isEqualTo(200);
      assertThat(offer.uri().getPath()).isEqualTo("/app/link");
      assertThat(offer.body()).contains("École du Web 93", "DWWM API 2026");
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
}

package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tremplin.testing.Browser;
import org.tremplin.testing.SimulatedLms;

/**
 * A fresh {@code serve} on the default kind of database (an H2 file) set up only through the
 * documented subcommands, run as processes while it serves, then launched into by a platform: the
 * subcommands share the file with the running server (H2's mixed mode, ADR 0011) and the server
 * sees what they wrote.
 */
class SetupWhileServingIT {
  private static final String INSTITUTION_ADMIN =
      "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";
  private static final String INSTRUCTOR =
      "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

  @TempDir Path dir;

  @Test
  void aFreshServeSetUpOnlyThroughTheSubcommandsWhileItRunsIsLaunchedInto() throws Exception {
    try (SimulatedLms lms = new SimulatedLms("moodle-key");
        ServingJar serving = ServingJar.start(dir, lms)) {
      URI base = serving.base();
      String config = serving.config();

      // while it serves: two schools, the platform bound to one, a token
      JarRun first =
          JarRun.of(
              "school",
              "add",
              "--name",
              "École du Web 93",
              "--departement",
              "93",
              "--config",
              config);
      JarRun second =
          JarRun.of(
              "school",
              "add",
              "--name",
              "École du Web 92",
              "--departement",
              "92",
              "--config",
              config);
      JarRun pending = JarRun.of("platform", "list", "--config", config, "--lang", "en");
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
              "admin",
              "--label",
              "SI du 93",
              "--config",
              config,
              "--lang",
              "en");

      for (JarRun run : List.of(first, second, pending, bound, token)) {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).doesNotContain("already in use");
      }
      assertThat(pending.stdout()).contains("PENDING: serves no school");
      String tokenId = token.stdout().split(" ")[1];

      // the server sees all of it: an institution administrator lands on the school's page
      Browser admin = new Browser();
      HttpResponse<String> adminLaunch =
          serving.launch(admin, lms, "admin-1", List.of(INSTITUTION_ADMIN));
      assertThat(adminLaunch.statusCode()).as(adminLaunch.body()).isEqualTo(303);
      HttpResponse<String> home = admin.follow(adminLaunch);
      assertThat(home.statusCode()).isEqualTo(303);
      HttpResponse<String> page = admin.follow(home);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      assertThat(page.uri().getPath()).isEqualTo("/app/admin");
      assertThat(page.body())
          .contains(
              "École du Web 93",
              lms.issuer(),
              ServingJar.CLIENT_ID,
              ServingJar.DEPLOYMENT,
              tokenId,
              "SI du 93")
          .doesNotContain("École du Web 92")
          .doesNotContain(token.outputLines().get(1)); // never the token's value

      // and a trainer of a course is offered to link it to a cohort of that school
      Browser trainer = new Browser();
      HttpResponse<String> offer =
          trainer.follow(serving.launch(trainer, lms, "trainer-1", List.of(INSTRUCTOR)));
      assertThat(offer.statusCode()).as(offer.body()).isEqualTo(200);
      assertThat(offer.uri().getPath()).isEqualTo("/app/link");
      assertThat(offer.body()).contains("École du Web 93");
    }
  }
}

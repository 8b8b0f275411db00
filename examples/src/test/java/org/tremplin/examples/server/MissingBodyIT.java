package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;
import static org.tremplin.testing.Browser.location;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.testing.Forms;

/**
 * Every form endpoint answers a post without a body (no {@code Content-Type}, nothing sent, or an
 * empty form) as a refused form, with its page: 400 (a launch, the refusal of a launch without
 * state), never a 500.
 */
class MissingBodyIT {
  private static LtiTestPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("missing-body-it");
    platform.seedCohort("Promo Vide", "s-ada");
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aLaunchPostedWithoutABodyIsRefusedAsOneWithoutState() throws Exception {
    for (HttpResponse<String> response : bodiless(platform.browser(), "lti/launch")) {
      // the launch refusal's own status and page (LaunchError STATE_MISSING: 401)
      assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
      assertThat(response.body()).contains("STATE_MISSING");
      assertThat(response.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("text/html");
    }
  }

  @Test
  void aLoginPostedWithoutABodyIsRefusedWithThePageOfA400() throws Exception {
    for (HttpResponse<String> response : bodiless(platform.browser(), "lti/login")) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("text/html");
    }
  }

  @Test
  void linkingFormsPostedWithoutABodyAreRefusedWithThePageOfA403() throws Exception {
    // a session form without its body carries no CSRF value (ADR 0010): refused before the
    // resource runs, with a page, never a 500
    LtiTestPlatform.Browser trainer = platform.browser();
    HttpResponse<String> launch =
        trainer.launch("s-trainer", "course-empty", List.of(MEMBERSHIP + "#Instructor"));
    assertThat(location(launch)).startsWith(platform.base + "app/link?session=");
    String token = Forms.query(URI.create(location(launch))).get("session");
    for (String path : List.of("app/link", "app/link/new")) {
      for (HttpResponse<String> response : bodiless(trainer, path + "?session=" + token)) {
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
            .get()
            .asString()
            .startsWith("text/html");
        assertThat(response.body()).contains("<h1");
      }
    }
  }

  /** The endpoint posted three ways: no body nor type, a form type with no body, an empty form. */
  private static List<HttpResponse<String>> bodiless(
      org.tremplin.testing.Browser browser, String path) throws Exception {
    URI uri = platform.base.resolve(path);
    return List.of(
        browser.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())),
        browser.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody())),
        browser.post(uri, ""));
  }
}

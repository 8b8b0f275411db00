package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only the registered platforms (and the origins the operator adds) may frame the tool (issue 10,
 * item 6): every page carries {@code frame-ancestors} with their origins, no other.
 */
class FramingIT {
  private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

  private static LtiTestPlatform platform;

  @BeforeAll
  static void startTool() throws Exception {
    platform =
        new LtiTestPlatform(
            "framing-it",
            lms -> Map.of("tremplin.lti.frame-ancestors", "https://canvas.ecole.example"),
            Clock.systemUTC());
    platform.linkCourse("course-1", platform.seedCohort("Promo", "s-ada").cohort());
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  private static List<String> frameAncestors(HttpResponse<?> response) {
    return response.headers().allValues("Content-Security-Policy").stream()
        .filter(csp -> csp.contains("frame-ancestors"))
        .toList();
  }

  @Test
  void theLearnersPageMayBeFramedByThePlatformAndTheConfiguredOriginOnly() throws Exception {
    LtiTestPlatform.Browser browser = platform.browser();
    HttpResponse<String> home =
        browser.follow(browser.launch("s-ada", "course-1", List.of(LEARNER)));

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(frameAncestors(home))
        .containsExactly(
            "frame-ancestors 'self' " + platform.issuer + " https://canvas.ecole.example");
  }

  @Test
  void refusalAndErrorPagesCarryTheSameFrameAncestors() throws Exception {
    LtiTestPlatform.Browser browser = platform.browser();
    HttpResponse<String> refused =
        browser.post(platform.base.resolve("lti/launch"), Map.of("state", "unknown"));
    HttpResponse<String> missing = browser.get(platform.base.resolve("app/nowhere"));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(missing.statusCode()).isEqualTo(404);
    for (HttpResponse<String> page : List.of(refused, missing)) {
      assertThat(frameAncestors(page))
          .singleElement()
          .asString()
          .startsWith("frame-ancestors 'self' ")
          .contains(platform.issuer)
          .doesNotContain("*");
    }
  }
}

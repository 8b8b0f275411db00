package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Role;

/**
 * The browser kit itself ({@link PageBrowser}): a launch from the simulated LMS in a real browser
 * lands on the home page in the LMS's language, at both widths, and axe finds nothing there.
 */
class PageBrowserIT {
  private static LtiTestPlatform platform;
  private static PageBrowser.Desk desk;

  @BeforeAll
  static void start() throws Exception {
    PageBrowser.assumeChromium();
    platform = new LtiTestPlatform("page-browser-it");
    LtiTestPlatform.Seeded seeded = platform.seedCohort("Promo Navigateur", "s-ada");
    platform.linkCourse("course-1", seeded.cohort());
    desk = PageBrowser.desk(platform, Clock.systemUTC());
    platform.serve(
        "/bad",
        exchange ->
            org.tremplin.testing.SimulatedLms.respond(
                exchange,
                200,
                "text/html;charset=utf-8",
                ("<!DOCTYPE html><html><head><title>Bad</title></head><body><main>"
                        + "<input type=\"text\" name=\"unlabelled\"><img src=\"/x.png\">"
                        + "</main></body></html>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aTrainerLaunchedFromTheLmsLandsHomeInFrenchAndAxeFindsNothingAtBothWidths() {
    for (int width : new int[] {PageBrowser.DESKTOP, PageBrowser.PHONE}) {
      try (PageBrowser browser = PageBrowser.open(width)) {
        URI landed = browser.launch(desk, "s-trainer", "course-1", Role.TRAINER, "fr");

        assertThat(landed.getPath()).isEqualTo("/app/home");
        assertThat(browser.source()).contains("lang=\"fr\"").contains("Promo Navigateur");
        browser.assertNoAxeViolations();
      }
    }
  }

  @Test
  void theAxeCheckFailsOnAPageWithViolations() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        PageBrowser.axeScript().isPresent(), "axe-core is not installed");
    try (PageBrowser browser = PageBrowser.open(PageBrowser.DESKTOP)) {
      browser.get(URI.create(platform.issuer + "/bad"));

      org.assertj.core.api.Assertions.assertThatThrownBy(browser::assertNoAxeViolations)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("html-has-lang")
          .hasMessageContaining("image-alt")
          .hasMessageContaining("label");
    }
  }

  @Test
  void aLearnerLaunchedInEnglishSeesTheHomePageInEnglish() {
    try (PageBrowser browser = PageBrowser.open(PageBrowser.PHONE)) {
      browser.launch(desk, "s-ada", "course-1", Role.LEARNER, "en");

      assertThat(browser.source()).contains("lang=\"en\"");
      browser.assertNoAxeViolations();
    }
  }
}

package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every app form and page shares, over real HTTP (ADR 0010): a session {@code POST} without
 * the session's CSRF value is refused with 403 before anything runs, in the user's language; every
 * page carries the security headers; scripts are static files.
 */
class FormsIT {
  private static LtiTestPlatform platform;
  private static LtiTestPlatform.Seeded seeded;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("forms-it");
    seeded = platform.seedCohort("Promo Formulaires", "s-ada");
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aPostWithoutTheCsrfValueIsRefusedWith403AndLinksNothing() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    HttpResponse<String> launch =
        trainer.launch("s-trainer-1", "course-1", List.of(MEMBERSHIP + "#Instructor"));
    Map<String, String> form =
        trainer.formOn(
            URI.create(location(launch)),
            "app/link",
            Map.of("cohort", seeded.cohort().id().value().toString()));
    form.remove("csrf");

    HttpResponse<String> refused = trainer.post(platform.base.resolve("app/link"), form);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Formulaire non pris en compte").contains("<h1>");
    assertThat(relaunch("s-trainer-1", "course-1")).contains("app/link?");
  }

  @Test
  void aPostWithAnotherSessionsCsrfValueIsRefusedInTheUsersLanguage() throws Exception {
    LtiTestPlatform.Browser other = platform.browser();
    HttpResponse<String> otherLaunch =
        other.launch("s-trainer-2", "course-2", List.of(MEMBERSHIP + "#Instructor"));
    String otherCsrf =
        other.formOn(URI.create(location(otherLaunch)), "app/link", Map.of()).get("csrf");
    LtiTestPlatform.Browser trainer = platform.browser();
    HttpResponse<String> launch =
        trainer.launch(
            "s-trainer-3",
            "course-3",
            List.of(MEMBERSHIP + "#Instructor"),
            Map.of(
                "https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                Map.of("locale", "en")));
    Map<String, String> form =
        new LinkedHashMap<>(
            trainer.formOn(
                URI.create(location(launch)),
                "app/link",
                Map.of("cohort", seeded.cohort().id().value().toString())));
    form.put("csrf", otherCsrf);

    HttpResponse<String> refused = trainer.post(platform.base.resolve("app/link"), form);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Form not taken");
    assertThat(relaunch("s-trainer-3", "course-3")).contains("app/link?");
  }

  @Test
  void theSameFormWithItsCsrfValueIsTaken() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    HttpResponse<String> launch =
        trainer.launch("s-trainer-4", "course-4", List.of(MEMBERSHIP + "#Instructor"));
    Map<String, String> form =
        trainer.formOn(
            URI.create(location(launch)),
            "app/link",
            Map.of("cohort", seeded.cohort().id().value().toString()));

    HttpResponse<String> linked = trainer.post(platform.base.resolve("app/link"), form);

    assertThat(linked.statusCode()).isEqualTo(303);
    assertThat(form.get("csrf")).isNotEqualTo(form.get("session"));
    assertThat(URI.create(location(launch)).toString()).doesNotContain(form.get("csrf"));
  }

  @Test
  void everyPageCarriesTheSecurityHeaders() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    HttpResponse<String> launch =
        trainer.launch("s-trainer-5", "course-5", List.of(MEMBERSHIP + "#Instructor"));
    HttpResponse<String> page = trainer.follow(launch);

    List<String> csp = page.headers().allValues("Content-Security-Policy");
    assertThat(csp).anySatisfy(c -> assertThat(c).startsWith("frame-ancestors 'self' "));
    assertThat(csp)
        .anySatisfy(
            c -> assertThat(c).contains("default-src 'none'").contains("form-action 'self'"));
    assertThat(String.join(";", csp)).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    HttpResponse<String> health = platform.browser().get(platform.base.resolve("health"));
    assertThat(health.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(health.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void scriptsAreStaticFilesCachedByContentAndNothingElseIsServedThere() throws Exception {
    LtiTestPlatform.Browser browser = platform.browser();

    HttpResponse<String> script =
        browser.get(platform.base.resolve("assets/js/form-errors.js?v=1"));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(script.headers().firstValue("Cache-Control"))
        .contains("public, max-age=31536000, immutable");
    assertThat(script.body()).contains("error-summary");
    assertThat(browser.get(platform.base.resolve("assets/js/missing.js")).statusCode())
        .isEqualTo(404);
    assertThat(browser.get(platform.base.resolve("assets/js/..%2Ftremplin.css")).statusCode())
        .isEqualTo(404);
  }

  private static String relaunch(String sub, String course) throws Exception {
    return location(platform.browser().launch(sub, course, List.of(MEMBERSHIP + "#Instructor")));
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }
}

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
import org.tremplin.api.cohort.Cohort;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.Forms;

/**
 * The one filter that resolves the app session of {@code /app} requests, over real HTTP: which
 * token it takes (query, form, cookie on GET only), that a form it read still reaches the page
 * intact, and the "session missing" page for anything else.
 */
class SessionFilterIT {
  private static LtiTestPlatform platform;
  private static Tremplin core;
  private static LtiTestPlatform.Seeded seeded;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("session-filter-it");
    core = platform.tremplin.feature().tremplin();
    seeded = platform.seedCohort("Promo Filtre", "s-ada");
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aPostCarryingOnlyTheCookieGetsTheSessionMissingPageAndLinksNothing() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    HttpResponse<String> launch =
        trainer.launch("s-trainer-1", "course-1", List.of(MEMBERSHIP + "#Instructor"));
    assertThat(launch.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("tremplin_session="));

    HttpResponse<String> post =
        trainer.post(
            platform.base.resolve("app/link"),
            Map.of("cohort", seeded.cohort().id().value().toString()));

    assertThat(post.statusCode()).isEqualTo(401);
    assertThat(post.body()).contains("Session expirée").contains("Session expired");
    assertThat(relaunch("s-trainer-1", "course-1")).contains("app/link?");
  }

  @Test
  void aPostWithTheTokenInItsQueryIsServed() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    String token =
        token(trainer.launch("s-trainer-2", "course-2", List.of(MEMBERSHIP + "#Instructor")));
    trainer.forgetCookies();
    Map<String, String> form =
        trainer.formOn(
            platform.base.resolve("app/link?session=" + token),
            "app/link",
            Map.of("cohort", seeded.cohort().id().value().toString()));
    form.remove("session"); // the token only in the address

    HttpResponse<String> post =
        trainer.post(platform.base.resolve("app/link?session=" + token), form);

    assertThat(post.statusCode()).isEqualTo(303);
    assertThat(location(post)).startsWith(platform.base + "app/home?session=");
    assertThat(relaunch("s-trainer-2", "course-2")).contains("app/home?");
  }

  @Test
  void aFormTheFilterReadReachesThePageIntact() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    String token =
        token(trainer.launch("s-trainer-3", "course-3", List.of(MEMBERSHIP + "#Instructor")));
    trainer.forgetCookies();
    Map<String, String> form = new LinkedHashMap<>();
    form.put(
        "csrf",
        Forms.hiddenFields(
                trainer.get(platform.base.resolve("app/link?session=" + token)).body(),
                "app/link/new")
            .get("csrf"));
    form.put("name", "Promo d'été & co = 100 % web");
    form.put("start", "2026-09-07");
    form.put("capacity", "14");
    form.put("template", "ecole-du-web@1");
    form.put("session", token); // last: the filter reads past the other fields

    HttpResponse<String> created = trainer.post(platform.base.resolve("app/link/new"), form);

    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(
            core.cohorts().bySchool(seeded.manager(), seeded.school().id()).stream()
                .map(Cohort::name))
        .contains("Promo d'été & co = 100 % web");
  }

  @Test
  void anUnknownQueryTokenIsNotRescuedByAValidCookie() throws Exception {
    platform.linkCourse("course-4", seeded.cohort());
    LtiTestPlatform.Browser learner = platform.browser();
    learner.launch("s-ada", "course-4", List.of(MEMBERSHIP + "#Learner"));
    assertThat(learner.get(platform.base.resolve("app/home")).statusCode()).isEqualTo(200);

    HttpResponse<String> unknown = learner.get(platform.base.resolve("app/home?session=unknown"));

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).contains("Session expirée");
  }

  @Test
  void noTokenAtAllGetsTheSessionMissingPageOnEveryAppPage() throws Exception {
    LtiTestPlatform.Browser stranger = platform.browser();

    assertThat(stranger.get(platform.base.resolve("app/home")).statusCode()).isEqualTo(401);
    assertThat(stranger.get(platform.base.resolve("app/link")).statusCode()).isEqualTo(401);
    assertThat(
            stranger.post(platform.base.resolve("app/link/new"), Map.of("name", "x")).statusCode())
        .isEqualTo(401);
  }

  private static String relaunch(String sub, String course) throws Exception {
    return location(platform.browser().launch(sub, course, List.of(MEMBERSHIP + "#Instructor")));
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  private static String token(HttpResponse<String> launch) {
    return Forms.query(URI.create(location(launch))).get("session");
  }
}

package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Actor;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.Forms;

/**
 * After the launch, over real HTTP (LTI.md §3): the first trainer launch from an unlinked course
 * links it to a cohort (existing or opened from a template), every role lands on its page, the
 * session travels as a token in links and forms plus a cookie, and pages follow the browser's
 * language.
 */
class AppFlowIT {
  private static LtiTestPlatform platform;
  private static Tremplin core;
  private static School school;
  private static Cohort existing;
  private static Actor manager;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("app-flow-it");
    core = platform.tremplin.feature().tremplin();
    LtiTestPlatform.Seeded seeded = platform.seedCohort("Promo Existante", "s-ada");
    school = seeded.school();
    manager = seeded.manager();
    existing = seeded.cohort();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aTrainersFirstLaunchLinksTheCourseToAnExistingCohortAndLaterLaunchesGoStraightHome()
      throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    HttpResponse<String> launch =
        trainer.launch("s-trainer-a", "course-A", List.of(MEMBERSHIP + "#Instructor"));
    assertThat(launch.statusCode()).isEqualTo(303);
    assertThat(location(launch)).startsWith(platform.base + "app/link?session=");

    HttpResponse<String> offer = trainer.follow(launch);
    assertThat(offer.statusCode()).isEqualTo(200);
    assertThat(offer.body())
        .contains("value=\"" + existing.id().value() + "\"")
        .contains("Promo Existante")
        .contains("name=\"template\"");

    HttpResponse<String> linked =
        trainer.post(
            platform.base.resolve("app/link"),
            trainer.formOn(
                URI.create(location(launch)),
                "app/link",
                Map.of("cohort", existing.id().value().toString())));
    assertThat(linked.statusCode()).isEqualTo(303);
    HttpResponse<String> home = trainer.follow(linked);
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body())
        .contains("data-role=\"TRAINER\"")
        .contains("<section id=\"trainer\">")
        .contains("Promo Existante")
        .contains("1 apprenant·es inscrit·es");

    HttpResponse<String> again =
        platform.browser().launch("s-trainer-a", "course-A", List.of(MEMBERSHIP + "#Instructor"));
    assertThat(location(again)).startsWith(platform.base + "app/home?session=");

    HttpResponse<String> learner =
        platform.browser().launch("s-ada", "course-A", List.of(MEMBERSHIP + "#Learner"));
    HttpResponse<String> learnerHome = platform.browser().follow(learner);
    assertThat(learnerHome.body())
        .contains("data-role=\"LEARNER\"")
        .doesNotContain("data-role=\"TRAINER\"")
        .contains("Promo Existante");
  }

  @Test
  void aTrainerOpensACohortFromATemplateAndBadInputOpensNothing() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    HttpResponse<String> launch =
        trainer.launch("s-trainer-b", "course-B", List.of(MEMBERSHIP + "#Instructor"));
    String token = token(launch);

    HttpResponse<String> refused =
        trainer.post(
            platform.base.resolve("app/link/new"),
            trainer.formOn(
                platform.base.resolve("app/link?session=" + token),
                "app/link/new",
                Map.of(
                    "name", "Promo Nouvelle",
                    "start", "2026-09-07",
                    "capacity", "99",
                    "template", "ecole-du-web@1")));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("role=\"alert\"").contains("1 à 24");
    // the refused form is shown at /app/link/new: its forms and stylesheet must still resolve
    java.util.regex.Matcher links =
        java.util.regex.Pattern.compile(
                "(?:action|href)=\"([^\"]*(?:app/link[^\"]*|\\.css[^\"]*))\"")
            .matcher(refused.body());
    List<String> resolved = new java.util.ArrayList<>();
    while (links.find()) {
      resolved.add(refused.uri().resolve(links.group(1).replace("&amp;", "&")).getPath());
    }
    assertThat(resolved)
        .contains("/app/link", "/app/link/new", "/assets/tremplin.css")
        .allMatch(path -> !path.contains("link/link") && !path.startsWith("/app/assets"));
    assertThat(cohortNames()).doesNotContain("Promo Nouvelle");

    HttpResponse<String> created =
        trainer.post(
            platform.base.resolve("app/link/new"),
            trainer.formOn(
                platform.base.resolve("app/link?session=" + token),
                "app/link/new",
                Map.of(
                    "name", "Promo Nouvelle",
                    "start", "2026-09-07",
                    "capacity", "14",
                    "template", "ecole-du-web@1")));
    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(trainer.follow(created).body())
        .contains("data-role=\"TRAINER\"")
        .contains("Promo Nouvelle");
    assertThat(cohortNames()).contains("Promo Nouvelle");
    Cohort opened =
        core.cohorts().bySchool(manager, school.id()).stream()
            .filter(c -> c.name().equals("Promo Nouvelle"))
            .findFirst()
            .orElseThrow();
    assertThat(opened.range().last())
        .as("a 43-week programme from Monday 7 September 2026 ends on Friday 2 July 2027")
        .isEqualTo(java.time.LocalDate.of(2027, 7, 2));
  }

  @Test
  void aLinkToACohortOutsideTheListIsRefused() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    String token =
        token(trainer.launch("s-trainer-c", "course-C", List.of(MEMBERSHIP + "#Instructor")));

    HttpResponse<String> response =
        trainer.post(
            platform.base.resolve("app/link"),
            trainer.formOn(
                platform.base.resolve("app/link?session=" + token),
                "app/link",
                Map.of("cohort", "00000000-0000-0000-0000-000000000001")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Choisissez une promotion de la liste.");
  }

  @Test
  void formsNeedTheTokenInTheFormTheCookieAloneIsNotEnough() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    trainer.launch("s-trainer-d", "course-D", List.of(MEMBERSHIP + "#Instructor"));

    HttpResponse<String> response =
        trainer.post(
            platform.base.resolve("app/link"), Map.of("cohort", existing.id().value().toString()));

    assertThat(response.statusCode()).isEqualTo(401);
    HttpResponse<String> again =
        platform.browser().launch("s-trainer-d", "course-D", List.of(MEMBERSHIP + "#Instructor"));
    assertThat(location(again)).contains("app/link?"); // still unlinked
  }

  @Test
  void theHomePageOpensWithTheCookieAloneButNeverWithAForgedToken() throws Exception {
    linkToExistingCohort("course-F");
    LtiTestPlatform.Browser learner = platform.browser();
    HttpResponse<String> launch = learner.launch("s-ada", "course-F", List.of("Learner"));
    assertThat(launch.statusCode()).isEqualTo(303);
    assertThat(launch.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("tremplin_session=").contains("Partitioned"));

    HttpResponse<String> withCookie = learner.get(platform.base.resolve("app/home"));
    assertThat(withCookie.statusCode()).isEqualTo(200);
    assertThat(withCookie.body()).contains("data-role=\"LEARNER\"");
    HttpResponse<String> forged =
        platform.browser().get(platform.base.resolve("app/home?session=forged-token"));
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("Session expirée").contains("Session expired");
  }

  @Test
  void eachRoleLandsOnItsOwnSection() throws Exception {
    linkToExistingCohort("course-G");
    Map<String, String> roleToSection =
        Map.of(
            "#Learner", "learner",
            "#Instructor", "trainer",
            "#Mentor", "coach",
            "#Administrator", "manager");
    for (Map.Entry<String, String> role : roleToSection.entrySet()) {
      LtiTestPlatform.Browser browser = platform.browser();
      String sub = role.getKey().equals("#Learner") ? "s-ada" : "s-g" + role.getValue();

      HttpResponse<String> home =
          browser.follow(browser.launch(sub, "course-G", List.of(MEMBERSHIP + role.getKey())));
      if (role.getKey().equals("#Administrator")) { // a manager lands on the school (issue 13)
        assertThat(home.statusCode()).isEqualTo(303);
        HttpResponse<String> school = browser.follow(home);
        assertThat(school.uri().getPath()).isEqualTo("/app/school");
        assertThat(school.body()).contains("id=\"as-of\"").contains("Promo Existante");
        continue;
      }
      if (role.getKey().equals("#Mentor")) { // from /app/home to the caseload
        home = browser.follow(home);
      }

      assertThat(home.statusCode()).as(role.getKey()).isEqualTo(200);
      if (role.getKey().equals("#Mentor")) { // a coach lands on their caseload (issue 13)
        assertThat(home.body()).contains("id=\"summary\"").doesNotContain("<section id=");
        continue;
      }
      if (role.getKey().equals("#Learner")) { // a learner lands on their path (issue 12)
        assertThat(home.body())
            .contains("id=\"timeline\"")
            .contains("data-role=\"LEARNER\"")
            .doesNotContain("<section id=\"trainer\">");
        continue;
      }
      assertThat(home.body())
          .as(role.getKey())
          .contains("<section id=\"" + role.getValue() + "\">")
          .contains("Promo Existante");
      for (String other : roleToSection.values()) {
        if (!other.equals(role.getValue())) {
          assertThat(home.body())
              .as(role.getKey())
              .doesNotContain("<section id=\"" + other + "\">");
        }
      }
    }
  }

  @Test
  void thePlatformsOwnRoleMappingDecidesOverTheDefault() throws Exception {
    linkToExistingCohort("course-H");
    LtiTestPlatform.Browser browser = platform.browser();

    HttpResponse<String> home =
        browser.follow(
            browser.launch("s-dev", "course-H", List.of(MEMBERSHIP + "#ContentDeveloper")));

    // the default maps ContentDeveloper to TRAINER; this platform says MANAGER: the school's page
    assertThat(browser.follow(home).uri().getPath()).isEqualTo("/app/school");
  }

  @Test
  void aLearnerOfAnUnlinkedCourseIsToldToWaitAndGetsNoSession() throws Exception {
    HttpResponse<String> response =
        platform.browser().launch("s-ada", "course-Z", List.of(MEMBERSHIP + "#Learner"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("data-reason=\"COURSE_NOT_LINKED\"");
    assertThat(response.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("tremplin_session="));
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void pagesFollowTheBrowsersLanguageFrenchFirst() throws Exception {
    HttpResponse<String> english =
        platform
            .browser()
            .speaking("en-GB,en;q=0.8")
            .launch("s-m", "course-E", List.of(MEMBERSHIP + "#Learner"));
    HttpResponse<String> french =
        platform
            .browser()
            .speaking("de")
            .launch("s-m", "course-E", List.of(MEMBERSHIP + "#Learner"));

    assertThat(english.body()).contains("lang=\"en\"").contains("Your trainer must open it first");
    assertThat(french.body()).contains("lang=\"fr\"").contains("Votre formateur·rice doit");
  }

  private static void linkToExistingCohort(String courseId) {
    platform.linkCourse(courseId, existing);
  }

  private static List<String> cohortNames() {
    return core.cohorts().bySchool(manager, school.id()).stream().map(Cohort::name).toList();
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  private static String token(HttpResponse<String> launch) {
    return Forms.query(URI.create(location(launch))).get("session");
  }
}

package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.PlatformUser;

/**
 * Every page over real HTTP comes from the one layout (UI.md: {@code lang}, viewport, one {@code
 * <main>}, one {@code <h1>}, a skip link, the stylesheet, which is served), hostile names from the
 * platform or the school are escaped, and the trainer's count is of the cohort's current members.
 */
class PagesIT {
  private static final String HOSTILE = "<script>alert(1)</script>";
  private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  private static final Pattern STYLESHEET =
      Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\">");

  private static LtiTestPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("pages-it");
    Tremplin core = platform.tremplin.feature().tremplin();
    School school =
        core.schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École " + HOSTILE,
                new Departement("92"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    Cohort cohort =
        core.cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo " + HOSTILE,
                    new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                    new TemplateRef("ecole-du-web", 1),
                    12,
                    List.of()));
    Learner ada = core.learners().register(manager, school.id(), "Ada", "Lovelace");
    Learner bob = core.learners().register(manager, school.id(), "Bob", "Left");
    core.learners().join(manager, cohort.id(), ada.id(), LocalDate.of(2025, 9, 1));
    core.learners().join(manager, cohort.id(), bob.id(), LocalDate.of(2025, 9, 1));
    core.learners().leave(manager, cohort.id(), bob.id(), LocalDate.of(2025, 10, 1), "emploi");
    platform
        .tremplin
        .feature()
        .directory()
        .linkLearner(
            new PlatformUser(platform.issuer, LtiTestPlatform.CLIENT_ID, "s-ada"), ada.id());
    platform.linkCourse("course-linked", cohort);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void theTrainersHomeCountsOnlyCurrentMembersAndEscapesTheSchoolAndCohortNames() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    HttpResponse<String> home =
        trainer.follow(
            trainer.launch("s-trainer", "course-linked", List.of(MEMBERSHIP + "#Instructor")));

    assertThat(home.statusCode()).isEqualTo(200);
    assertIsALayoutPage(home.body(), "fr");
    assertThat(home.body())
        .contains("1 apprenant·es inscrit·es")
        .contains("<p class=\"site-name\">École " + ESCAPED + "</p>")
        .contains("Promo " + ESCAPED)
        .doesNotContain(HOSTILE);
  }

  @Test
  void theLearnersHomeEscapesTheirHostileNameAndSaysTheirCohortsPathInEnglish() throws Exception {
    LtiTestPlatform.Browser learner = platform.browser().speaking("en");
    HttpResponse<String> home =
        learner.follow(
            learner.launch(
                "s-ada",
                "course-linked",
                List.of(MEMBERSHIP + "#Learner"),
                Map.of("name", HOSTILE)));

    // a learner lands on their path (issue 12)
    HttpResponse<String> path = home;
    assertThat(path.statusCode()).isEqualTo(200);
    assertThat(path.uri().getPath()).isEqualTo("/app/home");
    assertIsALayoutPage(path.body(), "en");
    assertThat(path.body())
        .contains("My path, " + ESCAPED)
        .contains("Promo " + ESCAPED)
        .doesNotContain(HOSTILE);
  }

  @Test
  void everyCohortPageIsALayoutPageThatEscapesTheSchoolAndCohortNames() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    HttpResponse<String> home =
        trainer.follow(
            trainer.launch("s-trainer", "course-linked", List.of(MEMBERSHIP + "#Instructor")));
    java.util.regex.Matcher cohort =
        java.util.regex.Pattern.compile("href=\"(cohorts/[^\"]+)\"").matcher(home.body());
    assertThat(cohort.find()).as("the trainer's home links the cohort").isTrue();
    URI roster = home.uri().resolve(cohort.group(1).replace("&amp;", "&"));
    String token = roster.getRawQuery();
    String base = roster.getPath();
    java.util.regex.Matcher file =
        java.util.regex.Pattern.compile("/learners/([0-9a-f-]{36})\\?")
            .matcher(trainer.get(roster).body());
    assertThat(file.find()).as("the roster links a learner's file").isTrue();
    String ada = file.group(1);
    for (String page :
        List.of(
            "",
            "/grid",
            "/calendar",
            "/grades",
            "/assessments/new",
            "/learners/new",
            "/learners/" + ada)) {
      HttpResponse<String> response = trainer.get(platform.base.resolve(base + page + "?" + token));
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      assertIsALayoutPage(response.body(), "fr");
      assertThat(response.body()).as(page).contains("École " + ESCAPED).doesNotContain(HOSTILE);
      assertStylesheetIsServed(response);
    }
  }

  @Test
  void theLinkPageTheExplainedPageAndTheSessionMissingPageAreLayoutPages() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    HttpResponse<String> link =
        trainer.follow(
            trainer.launch("s-trainer", "course-new", List.of(MEMBERSHIP + "#Instructor")));
    assertThat(link.body()).contains("<form method=\"post\" action=\"../app/link\">");
    assertIsALayoutPage(link.body(), "fr");

    HttpResponse<String> explained =
        platform
            .browser()
            .launch("s-nobody", "course-new", List.of(MEMBERSHIP + "#Learner"), Map.of());
    assertThat(explained.body()).contains("id=\"reason\"");
    assertIsALayoutPage(explained.body(), "fr");

    HttpResponse<String> missing =
        platform.browser().get(platform.base.resolve("app/home?session=x"));
    assertThat(missing.statusCode()).isEqualTo(401);
    assertIsALayoutPage(missing.body(), "fr");
  }

  @Test
  void refusalsAndErrorPagesAreLayoutPagesWithTheirStylesheetAllowed() throws Exception {
    LtiTestPlatform.Browser browser = platform.browser();
    for (HttpResponse<String> page :
        List.of(
            browser.post(platform.base.resolve("lti/launch"), Map.of("id_token", "x")),
            browser.get(platform.base.resolve("lti/login?iss=nobody")),
            browser.get(platform.base.resolve("lti/register")),
            browser.get(platform.base.resolve("no/such/page")))) {
      assertThat(page.statusCode()).as(page.body()).isGreaterThanOrEqualTo(400);
      assertIsALayoutPage(page.body(), "fr");
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .get()
          .asString()
          .contains("style-src 'self'");
      assertStylesheetIsServed(page);
    }
  }

  /** The page links the stylesheet at an address (relative to the page) where it is served. */
  private static void assertStylesheetIsServed(HttpResponse<String> page) throws Exception {
    Matcher href = STYLESHEET.matcher(page.body());
    assertThat(href.find()).isTrue();
    URI css = page.uri().resolve(href.group(1));
    assertThat(css.getPath()).isEqualTo("/assets/tremplin.css");
    HttpResponse<String> sheet = platform.browser().get(css);
    assertThat(sheet.statusCode()).isEqualTo(200);
    assertThat(sheet.headers().firstValue("Content-Type")).get().asString().startsWith("text/css");
    assertThat(sheet.headers().firstValue("Cache-Control"))
        .get()
        .asString()
        .contains("max-age=31536000");
    assertThat(sheet.body()).contains(":focus-visible");
  }

  static void assertIsALayoutPage(String html, String lang) {
    assertThat(html).contains("<html lang=\"" + lang + "\">");
    assertThat(html)
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    assertThat(html.split("<main[\\s>]", -1)).as("one <main>").hasSize(2);
    assertThat(html.split("<h1[\\s>]", -1)).as("one <h1>").hasSize(2);
    assertThat(html).contains("<a class=\"skip\" href=\"#main\">").contains("<main id=\"main\">");
    assertThat(STYLESHEET.matcher(html).find()).isTrue();
  }
}

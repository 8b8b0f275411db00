package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.Browser;
import org.tremplin.testing.Forms;
import org.tremplin.testing.PlatformServices;
import org.tremplin.testing.PlatformServices.Member;

/**
 * The roster over the real server (issue 11 item 1): a trainer's launch reads the course's roster
 * from the fake platform's NRPS, the roster page lists who is left out (names escaped), the trainer
 * updates it on demand; a learner on the roster lands on their page; a learner may not see the
 * roster page.
 */
class RosterPageIT {
  private static final String HOSTILE = "<script>alert(1)</script>";
  private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  private static final String COURSE = "course-roster";

  private static LtiTestPlatform platform;
  private static PlatformServices services;

  @BeforeAll
  static void start() throws Exception {
    platform =
        new LtiTestPlatform(
            "roster-page-it",
            lms -> Map.of("tremplin.lti.platform.lms.token-url", lms.url("/services/token")),
            Clock.systemUTC());
    services =
        new PlatformServices(
            platform.lms,
            LtiTestPlatform.CLIENT_ID,
            PlatformServices.keysAt(platform.base.resolve("lti/jwks")),
            Clock.systemUTC());
    Tremplin core = platform.tremplin.feature().tremplin();
    School school =
        core.schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École du Web 75",
                new Departement("75"));
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    Cohort cohort =
        core.cohorts()
            .open(
                Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id())),
                new NewCohort(
                    school.id(),
                    "Promo roster",
                    new DateRange(today.minusDays(30), today.plusDays(300)),
                    new TemplateRef("ecole-du-web", 1),
                    1,
                    List.of()));
    platform.linkCourse(COURSE, cohort);
    services
        .course(COURSE)
        .add(Member.learner("s-ada", "Ada", "Lovelace", "ada@example.org"))
        .add(Member.learner("s-hostile", HOSTILE, "Hostile", "h@example.org"))
        .add(Member.instructor("s-trainer", "Tina", "Trainer"));
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  private static Map<String, Object> nrps() {
    return Map.of(
        "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
        Map.of(
            "context_memberships_url",
            services.course(COURSE).membershipsUrl(),
            "service_versions",
            List.of("2.0")));
  }

  private static String session(HttpResponse<String> launch) {
    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    return Forms.query(URI.create(Browser.location(launch))).get("session");
  }

  @Test
  void aTrainersLaunchReadsTheRosterAndTheRosterPageListsWhoIsLeftOutAndUpdatesOnDemand()
      throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    String token =
        session(trainer.launch("s-trainer", COURSE, List.of(MEMBERSHIP + "#Instructor"), nrps()));

    HttpResponse<String> page = trainer.get(platform.base.resolve("app/roster?session=" + token));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Liste du cours</h1>")
        .contains("1 apprenant·e(s) de la liste sans place")
        .contains(ESCAPED)
        .doesNotContain(HOSTILE)
        .contains("<form method=\"post\" action=\"../app/roster/sync\">");

    HttpResponse<String> synced =
        trainer.post(
            platform.base.resolve("app/roster/sync"),
            Forms.hiddenFields(page.body(), "app/roster/sync"));
    assertThat(synced.statusCode()).isEqualTo(200);
    assertThat(synced.body())
        .contains("id=\"result\"")
        .contains("Liste mise à jour : 3 membre(s) lu(s), 0 inscription(s), 1 sans place")
        .contains("href=\"../../assets/tremplin.css");
  }

  @Test
  void aLearnerOnTheRosterLandsOnTheirPageButMayNotSeeTheRosterPage() throws Exception {
    LtiTestPlatform.Browser learner = platform.browser();
    String token =
        session(learner.launch("s-ada", COURSE, List.of(MEMBERSHIP + "#Learner"), nrps()));

    HttpResponse<String> home = learner.get(platform.base.resolve("app/home?session=" + token));
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(learner.get(platform.base.resolve("app/roster?session=" + token)).statusCode())
        .isEqualTo(403);
  }
}

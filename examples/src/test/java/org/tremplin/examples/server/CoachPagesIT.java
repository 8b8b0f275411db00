package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.PlatformUser;
import org.tremplin.testing.Forms;

/**
 * The coach's pages over real HTTP after real launches (issue 13, item 2): the caseload ordered by
 * what needs the coach, the learner's file and its forms, who may open what (another coach, a
 * trainer and a learner get 403 and write nothing), and the confidential note, which reaches the
 * HTML of the referent coach only (a manager reads that one exists).
 */
class CoachPagesIT {
  private static final List<String> MENTOR = List.of(MEMBERSHIP + "#Mentor");
  private static final List<String> INSTRUCTOR = List.of(MEMBERSHIP + "#Instructor");
  private static final List<String> LEARNER = List.of(MEMBERSHIP + "#Learner");
  private static final List<String> MANAGER = List.of(MEMBERSHIP + "#Administrator");

  private static LtiTestPlatform platform;
  private static Tremplin core;
  private static Cohort cohort;
  private static Actor manager;
  private static Learner ada;
  private static Learner grace;
  private static Learner linus;
  private static Learner hedy;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("coach-pages-it");
    core = platform.tremplin.feature().tremplin();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    School school =
        core.schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École du Web de Bobigny",
                new Departement("93"));
    manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    LocalDate first = today.minusWeeks(10).with(DayOfWeek.MONDAY);
    cohort =
        core.cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo Lamarr",
                    new DateRange(first, first.plusWeeks(43).minusDays(3)),
                    new TemplateRef("ecole-du-web", 1),
                    12,
                    List.of()));
    ada = core.learners().register(manager, school.id(), "Ada", "Lovelace");
    grace = core.learners().register(manager, school.id(), "Grace", "Hopper");
    linus = core.learners().register(manager, school.id(), "Linus", "Torvalds");
    hedy = core.learners().register(manager, school.id(), "Hedy", "Lamarr");
    for (Learner l : List.of(ada, grace, linus, hedy)) {
      core.learners().join(manager, cohort.id(), l.id(), first);
    }
    platform.linkCourse("course-lamarr", cohort);
    var directory = platform.tremplin.feature().directory();
    directory.linkPerson(
        new PlatformUser(platform.issuer, LtiTestPlatform.CLIENT_ID, "s-cip"), "cip-1");
    directory.linkPerson(
        new PlatformUser(platform.issuer, LtiTestPlatform.CLIENT_ID, "s-cip2"), "cip-2");
    directory.linkLearner(
        new PlatformUser(platform.issuer, LtiTestPlatform.CLIENT_ID, "s-ada"), ada.id());
    core.referents().assign(manager, ada.id(), "cip-1", first);
    core.referents().assign(manager, grace.id(), "cip-1", first);
    core.referents().assign(manager, linus.id(), "cip-2", first);
    core.referents().assign(manager, hedy.id(), "cip-1", first);
    // Ada met five days ago; Grace and Hedy never met, with an open alert (no test meets Hedy)
    Actor cip = Actor.of("cip-1", Role.COACH, new Scope.OfSchool(school.id()));
    CoachingMeeting met =
        core.coaching()
            .planMeeting(
                cip,
                cohort.id(),
                ada.id(),
                LocalDateTime.of(today.minusDays(5), LocalTime.of(9, 0)),
                "");
    core.coaching()
        .recordOutcome(
            cip, cohort.id(), ada.id(), met.id(), new MeetingOutcome.Held("Bilan du stage", ""));
    core.alerts()
        .raise(manager, cohort.id(), grace.id(), List.of(new RiskSignal.MissedMeetings(2)), today);
    core.alerts()
        .raise(manager, cohort.id(), hedy.id(), List.of(new RiskSignal.MissedMeetings(2)), today);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aCoachLandsOnTheirCaseloadOrderedByOpenAlertsThenDaysSinceTheLastMeeting() throws Exception {
    Session coach = launch("s-cip", MENTOR, "fr");

    HttpResponse<String> home = coach.get("app/home");
    assertThat(home.statusCode()).isEqualTo(303);
    HttpResponse<String> caseload = coach.follow(home);

    assertThat(caseload.statusCode()).isEqualTo(200);
    String html = caseload.body();
    assertThat(html)
        .contains("<h1>Mon portefeuille</h1>")
        .contains("1 alerte ouverte : entretiens manqués")
        .contains("Dernier entretien il y a 5 jours")
        .doesNotContain("Torvalds");
    assertThat(html.indexOf("Hedy Lamarr")).isLessThan(html.indexOf("Ada Lovelace"));
    assertThat(html).contains("href=\"../app/coach/learners/" + ada.id().value() + "?session=");
  }

  @Test
  void theCoachRecordsAMeetingWithAConfidentialNoteThatTheManagerSeesOnlyInSummary()
      throws Exception {
    Session coach = launch("s-cip", MENTOR, "fr");
    String file = "app/coach/learners/" + grace.id().value();
    HttpResponse<String> page = coach.get(file);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"meeting-confidential\"")
        .contains("Confidentiel")
        .contains("entretiens manqués");

    HttpResponse<String> saved =
        coach.post(
            file,
            "#meetings",
            "meeting=now&outcome=HELD&meeting-note=Point+logement&meeting-confidential="
                + URLEncoder.encode("Violences au foyer, ne pas relancer", StandardCharsets.UTF_8));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    String again = coach.follow(saved).body();
    assertThat(again)
        .contains("Point logement")
        .contains("Violences au foyer, ne pas relancer")
        .contains("data-confidential=\"shown\"");

    Session director = launch("s-director", MANAGER, "fr");
    HttpResponse<String> read = director.get(file);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body())
        .contains("Point logement")
        .contains("1 note confidentielle (réservée au référent)")
        .contains("data-confidential=\"withheld\"")
        .doesNotContain("Violences")
        .doesNotContain("ne pas relancer")
        .doesNotContain("id=\"meeting-confidential\"");
  }

  @Test
  void aCoachOutsideTheCaseloadGetsForbiddenAndWritesNothing() throws Exception {
    Session other = launch("s-cip2", MENTOR, "fr");
    int meetings = core.coaching().meetings(manager, cohort.id(), ada.id()).size();
    int barriers = core.coaching().barriers(manager, cohort.id(), ada.id()).size();
    String file = "app/coach/learners/" + ada.id().value();

    HttpResponse<String> read = other.get(file);
    assertThat(read.statusCode()).isEqualTo(403);
    assertThat(read.body()).contains("Accès refusé").doesNotContain("Lovelace");
    // with the valid CSRF value of their own session, taken from their own learner's file
    String own = "app/coach/learners/" + linus.id().value();
    assertThat(
            other
                .post(own, "#meetings", file, "meeting=now&outcome=HELD&meeting-note=intrus")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            other
                .post(
                    own,
                    "#barriers",
                    file,
                    "category=HOUSING&severity=HIGH&barrier-description=intrus")
                .statusCode())
        .isEqualTo(403);
    assertThat(core.coaching().meetings(manager, cohort.id(), ada.id())).hasSize(meetings);
    assertThat(core.coaching().barriers(manager, cohort.id(), ada.id())).hasSize(barriers);
    assertThat(other.get(own).statusCode()).isEqualTo(200);
  }

  @Test
  void aTrainerAndALearnerHaveNoCoachPages() throws Exception {
    Session trainer = launch("s-trainer", INSTRUCTOR, "fr");
    Session learner = launch("s-ada", LEARNER, "fr");
    String file = "app/coach/learners/" + ada.id().value();

    assertThat(trainer.get("app/caseload").statusCode()).isEqualTo(403);
    assertThat(trainer.get(file).statusCode()).isEqualTo(403);
    assertThat(learner.get("app/caseload").statusCode()).isEqualTo(403);
    assertThat(learner.get(file).statusCode()).isEqualTo(403);
  }

  @Test
  void aBarrierWithoutDescriptionIsRefusedNextToTheFieldWithTheValuesKept() throws Exception {
    Session coach = launch("s-cip", MENTOR, "en");
    String file = "app/coach/learners/" + ada.id().value();
    int barriers = core.coaching().barriers(manager, cohort.id(), ada.id()).size();

    HttpResponse<String> refused =
        coach.post(file, "#barriers", "category=MOBILITY&severity=HIGH&barrier-description=");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("class=\"error-summary\"")
        .contains("<a href=\"#barrier-description\">Describe it in a few words.</a>")
        .contains("id=\"barrier-description-error\"")
        .contains("<option value=\"MOBILITY\" selected>")
        .contains("<option value=\"HIGH\" selected>");
    assertThat(core.coaching().barriers(manager, cohort.id(), ada.id())).hasSize(barriers);

    HttpResponse<String> saved =
        coach.post(file, "#barriers", "category=MOBILITY&severity=HIGH&barrier-description=No+car");
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(coach.follow(saved).body()).contains("No car").contains("Severity: high");
  }

  private static Session launch(String sub, List<String> roles, String language) throws Exception {
    LtiTestPlatform.Browser browser = platform.browser().speaking(language);
    HttpResponse<String> launch = browser.launch(sub, "course-lamarr", roles);
    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    String location = launch.headers().firstValue("Location").orElseThrow();
    Matcher token = Pattern.compile("session=([^&]+)").matcher(location);
    assertThat(token.find()).isTrue();
    return new Session(browser, java.net.URLDecoder.decode(token.group(1), StandardCharsets.UTF_8));
  }

  /** A browser after a launch, adding the session token to what it asks. */
  private record Session(LtiTestPlatform.Browser browser, String token) {
    HttpResponse<String> get(String path) throws Exception {
      String text =
          path
              + (path.contains("?") ? "&" : "?")
              + "session="
              + URLEncoder.encode(token, StandardCharsets.UTF_8);
      return browser.get(platform.base.resolve(text));
    }

    HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
      return browser.follow(redirect);
    }

    /** Posts to the file at {@code path} with the hidden fields of its form ending {@code form}. */
    HttpResponse<String> post(String path, String form, String body) throws Exception {
      return post(path, form, path, body);
    }

    /**
     * Posts to {@code path} with the hidden fields of the form ending {@code form} on {@code page}.
     */
    HttpResponse<String> post(String page, String form, String path, String body) throws Exception {
      Map<String, String> hidden = new LinkedHashMap<>(Forms.hiddenFields(get(page).body(), form));
      return browser.post(platform.base.resolve(path), body + "&" + Forms.form(hidden));
    }
  }
}

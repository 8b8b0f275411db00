package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.PlatformUser;
import org.tremplin.lti.launch.ServiceClaims;
import org.tremplin.testing.FakeGradebook;
import org.tremplin.testing.Forms;
import org.tremplin.testing.PlatformServices;

/**
 * The trainer's LMS grades page over real HTTP after real launches (issue 11, item 3): a score the
 * platform refused for good is listed with its answer, escaped; the read-back button records the
 * LMS's grades as evidence once, even when the form is posted twice; a learner and a trainer of
 * another cohort get 403.
 */
class CohortGradesIT {
  private static final String COURSE = "course-grades";
  private static final String OTHER_COURSE = "course-grades-other";
  private static final List<String> INSTRUCTOR = List.of(MEMBERSHIP + "#Instructor");
  private static final List<String> LEARNER = List.of(MEMBERSHIP + "#Learner");

  /** Survives the shortening of answers (no closing {@code >}): must reach the page escaped. */
  private static final String HOSTILE = "Refused: <img src=x onerror=alert(1) & \"more\"";

  private static final String ESCAPED = "Refused: &lt;img src=x onerror=alert(1) &amp; \"more\"";

  private static LtiTestPlatform platform;
  private static FakeGradebook gradebook;
  private static Tremplin core;
  private static Cohort cohort;
  private static Learner ada;

  /**
   * The clock Tremplin reads here, and the one the test's dates come from: core's "today" is this
   * clock's day (UTC), so an assessment dated by Paris's calendar was "in the future" between 23:00
   * and midnight UTC.
   */
  private static final Clock CLOCK = Clock.systemUTC();

  private static Actor trainerActor;

  @BeforeAll
  static void start() throws Exception {
    platform =
        new LtiTestPlatform(
            "cohort-grades-it",
            lms -> Map.of("tremplin.lti.platform.lms.token-url", lms.url("/services/token")),
            CLOCK);
    PlatformServices services =
        new PlatformServices(
            platform.lms,
            LtiTestPlatform.CLIENT_ID,
            PlatformServices.keysAt(platform.base.resolve("lti/jwks")),
            CLOCK);
    gradebook = new FakeGradebook(services);
    core = platform.tremplin.feature().tremplin();
    School school =
        core.schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École du Web 93",
                new Departement("93"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    LocalDate today = LocalDate.now(CLOCK);
    cohort = open(manager, school, "Promo notes", today);
    Cohort other = open(manager, school, "Promo voisine", today);
    ada = core.learners().register(manager, school.id(), "Ada", "Lovelace");
    core.learners().join(manager, cohort.id(), ada.id(), today.minusDays(30));
    platform
        .tremplin
        .feature()
        .directory()
        .linkLearner(
            new PlatformUser(platform.issuer, LtiTestPlatform.CLIENT_ID, "s-ada"), ada.id());
    platform.linkCourse(COURSE, cohort);
    platform.linkCourse(OTHER_COURSE, other);
    trainerActor =
        Actor.of("s-trainer", Role.TRAINER, new Scope.OfCohort(school.id(), cohort.id()));
  }

  private static Cohort open(Actor manager, School school, String name, LocalDate today) {
    return core.cohorts()
        .open(
            manager,
            new NewCohort(
                school.id(),
                name,
                new DateRange(today.minusDays(30), today.plusDays(300)),
                new TemplateRef("ecole-du-web", 1),
                12,
                List.of()));
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  private static Map<String, Object> ags() {
    return Map.of(
        ServiceClaims.AGS_ENDPOINT,
        Map.of(
            "scope",
            new ArrayList<>(FakeGradebook.ALL_SCOPES),
            "lineitems",
            gradebook.lineItemsUrl(COURSE)));
  }

  private static String session(HttpResponse<String> launch) {
    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    return Forms.query(URI.create(LtiTestPlatform.Browser.location(launch))).get("session");
  }

  private static URI grades(String token) {
    return platform.base.resolve("app/cohorts/" + cohort.id().value() + "/grades?session=" + token);
  }

  private static Evidence assess(String competency) {
    return core.evidence()
        .record(
            trainerActor,
            cohort.id(),
            new NewEvidence(
                ada.id(),
                new EvidenceTarget.OnCompetency(competency),
                EvidenceSource.TRAINER_ASSESSMENT,
                AssessmentResult.ACQUIRED,
                "Mme Durand",
                LocalDate.now(CLOCK),
                ""));
  }

  private static long lmsGrades() {
    return core.evidence().evidence(trainerActor, cohort.id(), ada.id()).stream()
        .filter(e -> e.source() == EvidenceSource.LMS_GRADE)
        .count();
  }

  @Test
  void aRefusedScoreIsShownWithThePlatformsAnswerEscapedAndLmsGradesAreReadBackOnce()
      throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    String token = session(trainer.launch("s-trainer", COURSE, INSTRUCTOR, ags()));

    gradebook.answerScore(400, HOSTILE);
    Evidence refused = assess("CP3");
    core.relay().deliverDue();

    HttpResponse<String> page = trainer.get(grades(token));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Notes LMS</h1>")
        .contains("id=\"refusal-" + refused.id().value() + "\"")
        .contains("Lovelace Ada")
        .contains(">CP3<")
        .contains("data-status=\"400\"")
        .contains(ESCAPED)
        .doesNotContain("<img src=x")
        .contains("data-refused=\"1\"");

    // the trainer grades Ada 18/20 in the LMS's column of CP3
    FakeGradebook.Column column =
        gradebook.columns(COURSE).stream()
            .filter(c -> "competency:CP3".equals(c.resourceId()))
            .findFirst()
            .orElseThrow();
    gradebook.grade(column.id(), "s-ada", 18, 20);

    Map<String, String> form =
        Forms.hiddenFields(page.body(), "/cohorts/" + cohort.id().value() + "/grades/import");
    URI action = platform.base.resolve("app/cohorts/" + cohort.id().value() + "/grades/import");
    HttpResponse<String> first = trainer.post(action, form);
    HttpResponse<String> again = trainer.post(action, form);
    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(LtiTestPlatform.Browser.location(again))
        .isEqualTo(LtiTestPlatform.Browser.location(first));
    assertThat(lmsGrades()).isEqualTo(1);
    assertThat(trainer.follow(first).body())
        .contains("Une preuve enregistrée à partir des notes du LMS.");

    // without the CSRF value: refused before anything runs
    Map<String, String> forged = new java.util.HashMap<>(form);
    forged.remove("csrf");
    forged.put("submission", "another-submission-id-0001");
    assertThat(trainer.post(action, forged).statusCode()).isEqualTo(403);
    assertThat(lmsGrades()).isEqualTo(1);
  }

  @Test
  void theGradesPageSpeaksEnglish() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser().speaking("en");
    String token = session(trainer.launch("s-trainer", COURSE, INSTRUCTOR, ags()));
    HttpResponse<String> page = trainer.get(grades(token));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>LMS grades</h1>").contains("Read grades from the LMS");
  }

  @Test
  void aLearnerAndATrainerOfAnotherCohortMayNotSeeTheGrades() throws Exception {
    LtiTestPlatform.Browser learner = platform.browser();
    String learnerToken = session(learner.launch("s-ada", COURSE, LEARNER, ags()));
    assertThat(learner.get(grades(learnerToken)).statusCode()).isEqualTo(403);

    LtiTestPlatform.Browser stranger = platform.browser();
    String strangerToken =
        session(stranger.launch("s-stranger", OTHER_COURSE, INSTRUCTOR, Map.of()));
    HttpResponse<String> page = stranger.get(grades(strangerToken));
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).doesNotContain("Lovelace");
  }
}

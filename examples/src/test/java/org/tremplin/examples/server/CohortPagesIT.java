package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.PlatformUser;
import org.tremplin.testing.Forms;

/**
 * The trainer's cohort pages and the learner's path over real HTTP after real launches (issue 12,
 * items 2–4): who may open what (a trainer of another cohort and a learner get 403, a learner sees
 * only their own path), what each page shows from the engine, and the forms (errors next to the
 * field with the values kept, one transaction, a redirect to the result), in French and English.
 */
class CohortPagesIT {
  private static final List<String> INSTRUCTOR = List.of(MEMBERSHIP + "#Instructor");
  private static final List<String> LEARNER = List.of(MEMBERSHIP + "#Learner");

  private static LtiTestPlatform platform;
  private static Tremplin core;
  private static Cohort cohort;
  private static Cohort other;
  private static Learner ada;
  private static Learner grace;
  private static Learner linus;
  private static LocalDate today;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("cohort-pages-it");
    Seeded seeded = seed(platform);
    core = seeded.core();
    cohort = seeded.cohort();
    other = seeded.other();
    ada = seeded.ada();
    grace = seeded.grace();
    linus = seeded.linus();
    today = seeded.today();
  }

  /** What {@link #seed} made. */
  record Seeded(
      Tremplin core,
      Cohort cohort,
      Cohort other,
      Learner ada,
      Learner grace,
      Learner linus,
      LocalDate today) {}

  /**
   * A school with two cohorts running today (courses {@code course-hopper} and {@code
   * course-voisine}); in the first, Ada ({@code s-ada}, CP1 acquired, a contract, a coaching
   * meeting next week), Grace ({@code s-grace}, three unjustified absences this week, an open
   * alert) and Linus ({@code s-linus}, left after three weeks), attendance recorded up to
   * yesterday.
   */
  static Seeded seed(LtiTestPlatform platform) {
    Tremplin core = platform.tremplin.feature().tremplin();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    School school =
        core.schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École du Web de Nanterre",
                new Departement("92"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    LocalDate first = today.minusWeeks(10).with(DayOfWeek.MONDAY);
    Cohort cohort =
        core.cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo Hopper",
                    new DateRange(first, first.plusWeeks(43).minusDays(3)),
                    new TemplateRef("ecole-du-web", 1),
                    12,
                    List.of()));
    Cohort other =
        core.cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo Voisine",
                    new DateRange(first, first.plusWeeks(43).minusDays(3)),
                    new TemplateRef("ecole-du-web", 1),
                    12,
                    List.of()));
    Learner ada = core.learners().register(manager, school.id(), "Ada", "Lovelace");
    Learner grace = core.learners().register(manager, school.id(), "Grace", "Hopper");
    Learner linus = core.learners().register(manager, school.id(), "Linus", "Torvalds");
    for (Learner l : List.of(ada, grace, linus)) {
      core.learners().join(manager, cohort.id(), l.id(), first);
    }
    core.learners().leave(manager, cohort.id(), linus.id(), first.plusWeeks(3), "moved away");
    link(platform, "s-ada", ada);
    link(platform, "s-grace", grace);
    link(platform, "s-linus", linus);
    platform.linkCourse("course-hopper", cohort);
    platform.linkCourse("course-voisine", other);

    // attendance up to yesterday: Grace missed three half-days this week without a reason
    CohortCalendar calendar = core.cohorts().calendar(manager, cohort.id());
    List<AttendanceEntry> entries = new ArrayList<>();
    for (LocalDate day : calendar.workingDaysIn(new DateRange(first, today.minusDays(1)))) {
      for (HalfDay half : List.of(HalfDay.am(day), HalfDay.pm(day))) {
        entries.add(new AttendanceEntry(ada.id(), half, AttendanceMark.of(Mark.PRESENT)));
        boolean absent = !day.isBefore(today.minusDays(3)) && entries.size() % 3 == 0;
        entries.add(
            new AttendanceEntry(
                grace.id(),
                half,
                AttendanceMark.of(absent ? Mark.ABSENT_UNJUSTIFIED : Mark.PRESENT)));
        if (day.isBefore(first.plusWeeks(3))) {
          entries.add(new AttendanceEntry(linus.id(), half, AttendanceMark.of(Mark.PRESENT)));
        }
      }
    }
    core.attendance().recordAll(manager, cohort.id(), entries);
    core.evidence()
        .record(
            manager,
            cohort.id(),
            new NewEvidence(
                ada.id(),
                new EvidenceTarget.OnCompetency("CP1"),
                EvidenceSource.TRAINER_ASSESSMENT,
                AssessmentResult.ACQUIRED,
                "Formatrice",
                first.plusWeeks(2),
                "Poste installé"));
    core.insertion()
        .recordContract(
            manager,
            cohort.id(),
            ada.id(),
            new InsertionContract(
                StructureKind.ACI, first, first.plusMonths(10), 35, List.of(), List.of(), ""));
    core.alerts()
        .raise(manager, cohort.id(), grace.id(), List.of(new RiskSignal.MissedMeetings(2)), today);
    core.coaching()
        .planMeeting(
            manager,
            cohort.id(),
            ada.id(),
            LocalDateTime.of(today.plusDays(7), java.time.LocalTime.of(14, 0)),
            "Ordre du jour confidentiel : logement");
    return new Seeded(core, cohort, other, ada, grace, linus, today);
  }

  private static void link(LtiTestPlatform platform, String sub, Learner learner) {
    platform
        .tremplin
        .feature()
        .directory()
        .linkLearner(
            new PlatformUser(platform.issuer, LtiTestPlatform.CLIENT_ID, sub), learner.id());
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  // ------------------------------------------------------------------ the learner's path

  @Test
  void aLearnerLandsOnTheirPathWithPhasesCompetenciesAttendanceMeetingAndReadiness()
      throws Exception {
    Session learner = launch("s-ada", "course-hopper", LEARNER, "fr");
    HttpResponse<String> path = learner.get("app/home");
    String html = path.body();
    assertThat(learner.get("app/path").body()).contains("id=\"timeline\"");
    assertThat(path.statusCode()).isEqualTo(200);
    assertThat(html)
        .contains("<html lang=\"fr\">")
        .contains("Mon parcours, User s-ada")
        .contains("aria-current=\"step\"")
        .contains("class=\"today\"")
        .contains("id=\"competency-CP1\" data-status=\"ACQUIRED\"")
        .contains("id=\"competency-CP5\" data-status=\"NOT_STARTED\"")
        .contains("Encore à prouver")
        .contains("100,0")
        .contains("0 absence(s) non justifiée(s)")
        .contains("id=\"meeting\"")
        .contains("à 14 h 00")
        .doesNotContain("confidentiel")
        .doesNotContain("logement")
        .contains("id=\"readiness\"")
        .contains("À faire")
        .doesNotContain("Grace")
        .doesNotContain("id=\"evidence\"");
    assertThat(path.headers().firstValue("Content-Security-Policy").orElseThrow())
        .doesNotContain("unsafe-inline");
  }

  @Test
  void aLearnerSeesOnlyTheirOwnPathAndNoCohortPage() throws Exception {
    Session learner = launch("s-grace", "course-hopper", LEARNER, "fr");
    int evidence = core.evidence().evidence(manager(), cohort.id(), ada.id()).size();

    assertThat(learner.get("app/path").body())
        .contains("Mon parcours, User s-grace")
        .doesNotContain("Ada");
    for (String page : cohortPages(cohort)) {
      assertThat(learner.get(page).statusCode()).as(page).isEqualTo(403);
    }
    assertThat(
            learner
                .post("app/cohorts/" + cohort.id().value() + "/assessments", assessment(ada, "CP2"))
                .statusCode())
        .isEqualTo(403);
    assertThat(core.evidence().evidence(manager(), cohort.id(), ada.id())).hasSize(evidence);
  }

  @Test
  void aLearnerWhoLeftSeesTheirPathUpToTheExitReadOnly() throws Exception {
    Session learner = launch("s-linus", "course-hopper", LEARNER, "en");
    HttpResponse<String> path = learner.get("app/path");

    assertThat(path.statusCode()).as(path.body()).isEqualTo(200);
    assertThat(path.body())
        .contains("<html lang=\"en\">")
        .contains("Read only.")
        .contains("You left the cohort on")
        .contains("Last day in the cohort")
        .doesNotContain("<form");
  }

  @Test
  void aTrainerHasNoPathPage() throws Exception {
    Session trainer = launch("s-trainer", "course-hopper", INSTRUCTOR, "fr");

    assertThat(trainer.get("app/path").statusCode()).isEqualTo(403);
  }

  // ------------------------------------------------------------------ the trainer's pages

  @Test
  void aTrainerOfAnotherCohortGetsForbiddenOnEveryPageAndFormOfThisOne() throws Exception {
    Session stranger = launch("s-other-trainer", "course-voisine", INSTRUCTOR, "fr");
    int evidence = core.evidence().evidence(manager(), cohort.id(), ada.id()).size();
    int learners = core.learners().learners(manager(), cohort.id()).size();

    for (String page : cohortPages(cohort)) {
      HttpResponse<String> response = stranger.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(403);
      assertThat(response.body()).contains("Accès refusé").doesNotContain("Lovelace");
    }
    // with the valid CSRF value of their own session, taken from their own cohort's form
    String own = "app/cohorts/" + other.id().value();
    HttpResponse<String> assess =
        stranger.post(
            own + "/learners/new",
            "app/cohorts/" + cohort.id().value() + "/assessments",
            assessment(ada, "CP2"));
    assertThat(assess.statusCode()).isEqualTo(403);
    assertThat(assess.body()).contains("Accès refusé");
    assertThat(
            stranger
                .post(
                    own + "/learners/new",
                    "app/cohorts/" + cohort.id().value() + "/learners",
                    "givenName=Eve&familyName=Intruse&date=" + today)
                .statusCode())
        .isEqualTo(403);
    assertThat(core.evidence().evidence(manager(), cohort.id(), ada.id())).hasSize(evidence);
    assertThat(core.learners().learners(manager(), cohort.id())).hasSize(learners);
    // their own cohort opens
    assertThat(stranger.get("app/cohorts/" + other.id().value()).statusCode()).isEqualTo(200);
  }

  @Test
  void theRosterShowsStatusContractEndRecentAttendanceAndOpenAlertsEachNameOpeningTheFile()
      throws Exception {
    Session trainer = launch("s-trainer", "course-hopper", INSTRUCTOR, "fr");
    HttpResponse<String> home = trainer.get("app/home");
    assertThat(home.body()).contains("href=\"cohorts/" + cohort.id().value() + "?session=");

    String html = trainer.get("app/cohorts/" + cohort.id().value()).body();

    String adaRow = row(html, "learner-" + ada.id().value());
    assertThat(adaRow)
        .contains("data-status=\"active\"")
        .contains("Lovelace Ada")
        .contains(
            org.tremplin.web.page.Texts.of(
                    "org.tremplin.web.cohort.CohortMessages", java.util.Locale.FRENCH)
                .date(cohort.range().first().plusMonths(10)))
        .contains("100,0")
        .contains("data-alerts=\"0\"");
    String graceRow = row(html, "learner-" + grace.id().value());
    assertThat(graceRow).contains("non renseignée").contains("data-alerts=\"1\"");
    assertThat(row(html, "learner-" + linus.id().value())).contains("data-status=\"left\"");
    assertThat(html).contains("apprenant·es en parcours sur 12 places");
    Matcher file =
        Pattern.compile("href=\"([^\"]*/learners/" + ada.id().value() + "[^\"]*)\"")
            .matcher(adaRow);
    assertThat(file.find()).isTrue();
    HttpResponse<String> adaFile = trainer.get(URI.create(file.group(1).replace("&amp;", "&")));
    assertThat(adaFile.statusCode()).isEqualTo(200);
    assertThat(adaFile.body())
        .contains("Dossier pédagogique de Ada Lovelace")
        .contains("id=\"evidence\"")
        .contains("Poste installé")
        .doesNotContain("id=\"meeting\"")
        .doesNotContain("logement");
  }

  @Test
  void theGridShowsEachLearnersStatusPerCompetencyWithTheEvidenceBehindTheCell() throws Exception {
    Session trainer = launch("s-trainer", "course-hopper", INSTRUCTOR, "en");
    String html = trainer.get("app/cohorts/" + cohort.id().value() + "/grid").body();

    assertThat(html)
        .contains("<html lang=\"en\">")
        .contains("<th scope=\"col\" id=\"col-CP1\">")
        .contains("<th scope=\"col\" id=\"col-CP8\">")
        .contains("role=\"region\"")
        .contains("Ada Lovelace, CP1: Acquired")
        .contains("Grace Hopper, CP1: Not started, 0 piece(s) of evidence")
        .contains("/learners/" + ada.id().value() + "?session=");
    assertThat(html)
        .containsPattern("learners/" + ada.id().value() + "\\?session=[^\"]+#competency-CP1");
  }

  @Test
  void theCalendarShowsPhasesOnRealDatesHolidaysClosuresAndPlacement() throws Exception {
    Session trainer = launch("s-trainer", "course-hopper", INSTRUCTOR, "fr");
    String html = trainer.get("app/cohorts/" + cohort.id().value() + "/calendar").body();

    assertThat(html)
        .contains("jours ouvrés")
        .contains("aria-current=\"step\"")
        .contains("période en entreprise")
        .contains("Noël")
        .contains("1er janvier")
        .contains("Aucune fermeture");
  }

  @Test
  void aTrainerRecordsOneAssessmentForTwoLearnersAndTheLearnerSeesItOnTheirPath() throws Exception {
    Session trainer = launch("s-trainer", "course-hopper", INSTRUCTOR, "fr");
    String form = trainer.get("app/cohorts/" + cohort.id().value() + "/assessments/new").body();
    assertThat(form)
        .contains("compétence est acquise")
        .contains("name=\"session\"")
        .contains("Lovelace Ada");

    HttpResponse<String> recorded =
        trainer.post(
            "app/cohorts/" + cohort.id().value() + "/assessments",
            "learner="
                + ada.id().value()
                + "&learner="
                + grace.id().value()
                + "&target=CP2&date="
                + today
                + "&source=TRAINER_ASSESSMENT&result=ACQUIRED&comment="
                + URLEncoder.encode("Maquette réalisée", StandardCharsets.UTF_8));
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(303);
    assertThat(trainer.follow(recorded).body()).contains("Évaluation enregistrée pour 2");

    Session learner = launch("s-grace", "course-hopper", LEARNER, "fr");
    assertThat(learner.get("app/path").body())
        .contains("id=\"competency-CP2\" data-status=\"ACQUIRED\"");
  }

  @Test
  void aRefusedAssessmentShowsEachErrorNextToItsFieldKeepsTheValuesAndRecordsNothing()
      throws Exception {
    Session trainer = launch("s-trainer", "course-hopper", INSTRUCTOR, "en");
    int before = core.evidence().evidence(manager(), cohort.id(), grace.id()).size();

    HttpResponse<String> refused =
        trainer.post(
            "app/cohorts/" + cohort.id().value() + "/assessments",
            "learner="
                + grace.id().value()
                + "&target=CP99&date="
                + today.plusDays(1)
                + "&source=LMS_GRADE&comment=Kept+%3Cb%3Etext%3C%2Fb%3E");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"error-summary\"")
        .contains("<a href=\"#target\">Choose a competency or a criterion from the list.</a>")
        .contains("id=\"date-error\"")
        .contains("id=\"source-error\"")
        .contains("id=\"result-error\"")
        .contains("value=\"" + today.plusDays(1) + "\"")
        .contains("Kept &lt;b&gt;text&lt;/b&gt;</textarea>")
        .containsPattern("value=\"" + grace.id().value() + "\" checked");
    assertThat(core.evidence().evidence(manager(), cohort.id(), grace.id())).hasSize(before);
  }

  @Test
  void aDoubleSubmittedAssessmentIsRecordedOnceAndBothAnswersLeadToTheSamePage() throws Exception {
    Session trainer = launch("s-trainer", "course-hopper", INSTRUCTOR, "fr");
    String path = "app/cohorts/" + cohort.id().value() + "/assessments";
    Map<String, String> hidden = trainer.hidden(path + "/new");
    String body = assessment(grace, "CP6") + "&" + Forms.form(hidden);
    int before = core.evidence().evidence(manager(), cohort.id(), grace.id()).size();

    HttpResponse<String> first = trainer.browser().post(platform.base.resolve(path), body);
    HttpResponse<String> second = trainer.browser().post(platform.base.resolve(path), body);

    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(second.statusCode()).isEqualTo(303);
    assertThat(second.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(core.evidence().evidence(manager(), cohort.id(), grace.id())).hasSize(before + 1);
  }

  @Test
  void aPostWithoutTheSessionsCsrfValueIsRefusedAndWritesNothing() throws Exception {
    Session trainer = launch("s-trainer", "course-hopper", INSTRUCTOR, "fr");
    int before = core.evidence().evidence(manager(), cohort.id(), grace.id()).size();

    HttpResponse<String> refused =
        trainer
            .browser()
            .post(
                platform.base.resolve("app/cohorts/" + cohort.id().value() + "/assessments"),
                assessment(grace, "CP7")
                    + "&session="
                    + URLEncoder.encode(trainer.token(), StandardCharsets.UTF_8));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(core.evidence().evidence(manager(), cohort.id(), grace.id())).hasSize(before);
  }

  @Test
  void aTrainerAddsALearnerByHandAndBadInputAddsNobody() throws Exception {
    Session trainer = launch("s-trainer", "course-hopper", INSTRUCTOR, "fr");
    String path = "app/cohorts/" + cohort.id().value() + "/learners";
    assertThat(trainer.get(path + "/new").body()).contains("name=\"givenName\"");
    int learners = core.learners().learners(manager(), cohort.id()).size();

    HttpResponse<String> refused =
        trainer.post(path, "givenName=&familyName=Hamilton&date=1999-01-01");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"givenName-error\"")
        .contains("id=\"date-error\"")
        .contains("value=\"Hamilton\"");
    assertThat(core.learners().learners(manager(), cohort.id())).hasSize(learners);

    HttpResponse<String> added =
        trainer.post(path, "givenName=Margaret&familyName=Hamilton&date=" + today);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
    assertThat(trainer.follow(added).body()).contains("Hamilton Margaret");
    assertThat(core.learners().learners(manager(), cohort.id()))
        .extracting(Learner::familyName)
        .contains("Hamilton");
  }

  // ------------------------------------------------------------------ helpers

  private static Actor manager() {
    return Actor.of("manager", Role.MANAGER, new Scope.OfSchool(cohort.school()));
  }

  private static List<String> cohortPages(Cohort c) {
    String base = "app/cohorts/" + c.id().value();
    return List.of(
        base,
        base + "/grid",
        base + "/calendar",
        base + "/assessments/new",
        base + "/learners/new",
        base + "/learners/" + ada.id().value());
  }

  private static String assessment(Learner learner, String target) {
    return "learner="
        + learner.id().value()
        + "&target="
        + target
        + "&date="
        + today
        + "&source=TRAINER_ASSESSMENT&result=ACQUIRED&comment=";
  }

  private static String row(String html, String id) {
    int start = html.indexOf("<tr id=\"" + id + "\"");
    assertThat(start).as("row " + id).isNotNegative();
    return html.substring(start, html.indexOf("</tr>", start));
  }

  private static Session launch(String sub, String course, List<String> roles, String language)
      throws Exception {
    LtiTestPlatform.Browser browser = platform.browser().speaking(language);
    HttpResponse<String> launch = browser.launch(sub, course, roles);
    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    String location = launch.headers().firstValue("Location").orElseThrow();
    Matcher token = Pattern.compile("session=([^&]+)").matcher(location);
    assertThat(token.find()).isTrue();
    return new Session(browser, java.net.URLDecoder.decode(token.group(1), StandardCharsets.UTF_8));
  }

  /** A browser after a launch, adding the session token to what it asks. */
  private record Session(LtiTestPlatform.Browser browser, String token) {
    HttpResponse<String> get(String path) throws Exception {
      return get(platform.base.resolve(path));
    }

    HttpResponse<String> get(URI uri) throws Exception {
      String text = uri.toString();
      if (!text.contains("session=")) {
        text +=
            (text.contains("?") ? "&" : "?")
                + "session="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
      }
      return browser.get(platform.base.resolve(text));
    }

    HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
      return browser.follow(redirect);
    }

    /**
     * Posts a form to {@code path} with the hidden fields (token, CSRF value, a fresh submission
     * id) of the form on {@code formPage} (any form page of the session: the CSRF value is per
     * session).
     */
    HttpResponse<String> post(String formPage, String path, String body) throws Exception {
      Map<String, String> hidden = new java.util.LinkedHashMap<>(hidden(formPage));
      hidden.putIfAbsent("session", token);
      return browser.post(platform.base.resolve(path), body + "&" + Forms.form(hidden));
    }

    /** The same, with the hidden fields of the form at {@code path} on its own page. */
    HttpResponse<String> post(String path, String body) throws Exception {
      return post(path + "/new", path, body);
    }

    /** The hidden fields of the form on this page; none when it has no form (e.g. a 403). */
    Map<String, String> hidden(String formPage) throws Exception {
      String html = get(formPage).body();
      try {
        return Forms.hiddenFields(
            html, formPage.endsWith("/learners/new") ? "/learners" : "/assessments");
      } catch (AssertionError | RuntimeException e) {
        return Map.of();
      }
    }
  }
}

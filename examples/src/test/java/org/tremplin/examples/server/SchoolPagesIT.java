package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.dashboard.CohortFigures;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.session.AppSession;
import org.tremplin.testing.Forms;
import org.tremplin.web.school.KnownCoaches;

/**
 * The manager's pages over real HTTP after real launches (issue 13, item 3): a manager lands on the
 * school's dashboard, whose figures are the engine's, each opening the learners behind it and each
 * table downloadable as CSV; the forms open a cohort, add and enrol a learner, assign a referent
 * coach and set the thresholds (errors next to the field, values kept, one transaction); a manager
 * of another school and a trainer get 403 and write nothing.
 */
class SchoolPagesIT {
  private static final List<String> MANAGER = List.of(MEMBERSHIP + "#Administrator");
  private static final List<String> INSTRUCTOR = List.of(MEMBERSHIP + "#Instructor");
  private static final List<String> COACH = List.of(MEMBERSHIP + "#Mentor");
  private static final String HOSTILE = "<script>alert(1)</script> & \"co\"";

  private static LtiTestPlatform platform;
  private static Tremplin core;
  private static School school;
  private static School neighbour;
  private static Actor manager;
  private static Cohort cohort;
  private static Learner ada;
  private static Learner grace;
  private static LocalDate today;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("school-pages-it");
    core = platform.tremplin.feature().tremplin();
    today = LocalDate.now(ZoneOffset.UTC);
    Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());
    school = core.schools().create(admin, "École du Web de Nanterre", new Departement("92"));
    neighbour = core.schools().create(admin, "École du Web de Bobigny", new Departement("93"));
    manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    Actor neighbourManager =
        Actor.of("manager-93", Role.MANAGER, new Scope.OfSchool(neighbour.id()));
    LocalDate first = today.minusWeeks(10).with(DayOfWeek.MONDAY);
    cohort = open(manager, school, "Promo " + HOSTILE, first);
    Cohort theirs = open(neighbourManager, neighbour, "Promo Bobigny", first);
    ada = core.learners().register(manager, school.id(), "Ada", "Lovelace");
    grace = core.learners().register(manager, school.id(), "Grace", "Hopper");
    Learner linus = core.learners().register(manager, school.id(), "Linus", "Torvalds");
    for (Learner l : List.of(ada, grace, linus)) {
      core.learners().join(manager, cohort.id(), l.id(), first);
    }
    core.learners().leave(manager, cohort.id(), linus.id(), first.plusWeeks(3), "moved away");
    core.insertion()
        .recordExit(
            manager, cohort.id(), linus.id(), NewExit.of(first.plusWeeks(3), ExitSituation.CDI));
    List<AttendanceEntry> entries = new ArrayList<>();
    for (LocalDate day :
        core.cohorts()
            .calendar(manager, cohort.id())
            .workingDaysIn(new DateRange(today.minusWeeks(2), today.minusDays(1)))) {
      entries.add(new AttendanceEntry(ada.id(), HalfDay.am(day), AttendanceMark.of(Mark.PRESENT)));
      entries.add(
          new AttendanceEntry(
              grace.id(), HalfDay.am(day), AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED)));
    }
    core.attendance().recordAll(manager, cohort.id(), entries);
    core.alerts()
        .raise(manager, cohort.id(), grace.id(), List.of(new RiskSignal.MissedMeetings(2)), today);
    core.insertion()
        .recordContract(
            manager,
            cohort.id(),
            ada.id(),
            new InsertionContract(
                StructureKind.ACI, first, today.plusDays(20), 35, List.of(), List.of(), ""));
    platform.linkCourse("course-school", cohort);
    platform.linkCourse("course-bobigny", theirs);
  }

  private static Cohort open(Actor actor, School where, String name, LocalDate first) {
    return core.cohorts()
        .open(
            actor,
            new NewCohort(
                where.id(),
                name,
                new DateRange(first, first.plusWeeks(43).minusDays(3)),
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

  @Test
  void aManagerLandsOnTheDashboardWhoseFiguresAreTheEngines() throws Exception {
    Session s = launch("s-manager", "course-school", MANAGER, "fr");
    HttpResponse<String> home = s.browser().follow(s.landing());
    HttpResponse<String> page = s.browser().follow(home);

    assertThat(home.statusCode()).isEqualTo(303);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.uri().getPath()).isEqualTo("/app/school");
    String html = page.body();
    PagesIT.assertIsALayoutPage(html, "fr");
    assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)");
    assertThat(html)
        .contains("<svg role=\"img\"")
        .contains("<title id=\"attendance-chart-title\">");
    CohortFigures engine = core.dashboard().figures(manager, cohort.id());
    String row = row(html, "cohort-" + cohort.id().value());
    assertThat(row).contains(">2 / 12</a>");
    assertThat(row).contains(percent(engine.recentAttendance().total()));
    assertThat(engine.recentAttendance().total().attended()).isPositive();
    assertThat(html).contains("/app/school/cohorts/" + cohort.id().value() + "/alerts");
    assertThat(html).contains("id=\"rates\"").contains("100,0\u00a0% (1 sur 1)");
  }

  @Test
  void everyFigureOpensTheLearnersItCountsAndEveryTableDownloadsAsCsv() throws Exception {
    Session s = launch("s-manager", "course-school", MANAGER, "fr");
    String base = "app/school/cohorts/" + cohort.id().value() + "/";

    String alerts = s.get(base + "alerts").body();
    // the engine raised its own alerts from Grace's absences beside the seeded one
    long graceAlerts =
        core.dashboard().figures(manager, cohort.id()).openAlerts().learners().stream()
            .filter(l -> l.learner().equals(grace.id()))
            .count();
    assertThat(graceAlerts).isGreaterThanOrEqualTo(1);
    assertThat(row(alerts, "learner-" + grace.id().value()))
        .contains("Grace Hopper")
        .contains(">" + graceAlerts + "<");
    assertThat(alerts).doesNotContain("Ada Lovelace");
    String ending = s.get(base + "ending").body();
    assertThat(row(ending, "learner-" + ada.id().value())).contains("Contrat (CDDI)");
    String enrolled = s.get(base + "enrolled").body();
    assertThat(enrolled)
        .contains("/app/coach/learners/" + ada.id().value())
        .contains("Grace Hopper")
        .doesNotContain("Linus");
    String recent = s.get(base + "recent").body();
    AttendanceRates graceRates =
        core.dashboard().figures(manager, cohort.id()).recentAttendance().learners().stream()
            .filter(l -> l.learner().learner().equals(grace.id()))
            .findFirst()
            .orElseThrow()
            .rates();
    assertThat(row(recent, "learner-" + grace.id().value()))
        .contains(">" + graceRates.planned() + "<")
        .contains(">" + graceRates.unjustifiedAbsences() + "<");
    assertThat(s.get("app/school/exits/emploi_durable").body()).contains("Linus Torvalds");
    assertThat(s.get(base + "nothing").statusCode()).isEqualTo(404);

    HttpResponse<String> csv = s.get("app/school?format=csv&table=cohorts");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .get()
        .asString()
        .contains("attachment");
    assertThat(csv.body())
        .startsWith("\uFEFFPromotion;Dates;Inscrit·es / places;")
        .contains("2 / 12");
    assertThat(s.get(base + "alerts?format=csv").body()).contains("Grace Hopper;");
    HttpResponse<String> english =
        launch("s-manager-en", "course-school", MANAGER, "en")
            .get("app/school?format=csv&table=exits");
    assertThat(english.body())
        .startsWith("\uFEFFCategory,Learners")
        .contains("Durable employment,1");
  }

  @Test
  void aManagerWhoAlsoTrainsReachesTheTrainersPagesFromTheDashboardAndBack() throws Exception {
    List<String> both = List.of(MEMBERSHIP + "#Instructor", MEMBERSHIP + "#Administrator");
    Session s = launch("s-trainer-manager", "course-school", both, "fr");
    HttpResponse<String> home = s.get("app/home");
    assertThat(home.statusCode()).isEqualTo(303); // lands on the dashboard, as every manager
    assertThat(home.headers().firstValue("Location")).get().asString().contains("app/school");

    String dashboard = s.get("app/school").body();
    assertThat(dashboard).contains("app/home?view=roles").contains("Mes autres fonctions");
    HttpResponse<String> roles = s.get("app/home?view=roles");
    assertThat(roles.statusCode()).isEqualTo(200);
    assertThat(roles.body())
        .contains("id=\"attendance-link\" class=\"button\"")
        .contains("id=\"school-link\"");
    assertThat(launch("s-manager-only", "course-school", MANAGER, "fr").get("app/school").body())
        .doesNotContain("view=roles");
  }

  @Test
  void openingACohortShowsTheErrorsWithTheValuesKeptThenTheCohortOnTheDashboard() throws Exception {
    Session s = launch("s-manager", "course-school", MANAGER, "fr");
    String action = "app/school/cohorts?school=" + school.id().value();

    HttpResponse<String> refused =
        s.post("app/school/cohorts/new", action, "name=&start=2027-01-04&capacity=40&closures=");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("class=\"error-summary\"")
        .contains("href=\"#name\"")
        .contains("href=\"#capacity\"")
        .contains("value=\"2027-01-04\"")
        .contains("value=\"40\"");

    HttpResponse<String> done =
        s.post(
            "app/school/cohorts/new",
            action,
            "name=Promo+Printemps&start=2027-01-04&end=&capacity=14&template=ecole-du-web%401"
                + "&closures=2027-04-19%2F2027-04-23");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    Cohort opened =
        core.cohorts().bySchool(manager, school.id()).stream()
            .filter(c -> c.name().equals("Promo Printemps"))
            .findFirst()
            .orElseThrow();
    assertThat(opened.capacity()).isEqualTo(14);
    assertThat(opened.closures()).containsExactly(DateRange.parse("2027-04-19/2027-04-23"));
    assertThat(s.browser().follow(done).body())
        .contains("id=\"cohort-" + opened.id().value() + "\"");
  }

  @Test
  void addingALearnerEnrolsThemAndAssigningACoachAndThresholdsShowAfterReload() throws Exception {
    Session s = launch("s-manager", "course-school", MANAGER, "fr");
    String id = school.id().value().toString();

    HttpResponse<String> refused =
        s.post(
            "app/school/learners/new",
            "app/school/learners?school=" + id,
            "givenName=Margaret&familyName=&cohort=" + cohort.id().value() + "&date=" + today);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("href=\"#familyName\"").contains("value=\"Margaret\"");

    HttpResponse<String> added =
        s.post(
            "app/school/learners/new",
            "app/school/learners?school=" + id,
            "givenName=Margaret&familyName=Hamilton&cohort="
                + cohort.id().value()
                + "&date="
                + today);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
    Learner margaret =
        core.learners().learners(manager, cohort.id()).stream()
            .filter(l -> l.familyName().equals("Hamilton"))
            .findFirst()
            .orElseThrow();
    assertThat(s.browser().follow(added).body())
        .contains("id=\"learner-" + margaret.id().value() + "\"");

    HttpResponse<String> assigned =
        s.post(
            "app/school/referents",
            "app/school/referents?school=" + id,
            "learner=" + margaret.id().value() + "&coach=coach-42&since=" + today);
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(303);
    assertThat(core.referents().referentOf(manager, margaret.id())).contains("coach-42");
    String afterAssignment = s.browser().follow(assigned).body();
    assertThat(row(afterAssignment, "learner-" + margaret.id().value())).contains("coach-42");
    // the page confirms what was just done, naming the coach (as typed: they never opened
    // Tremplin) and the learner
    assertThat(afterAssignment)
        .contains(
            "id=\"saved\"",
            "Le ou la conseiller·ère «\u00a0coach-42\u00a0», pas encore connecté·e à Tremplin,"
                + " est désormais le ou la référent·e de Margaret Hamilton.");

    String thresholds =
        "unjustifiedHalfDays=4&unjustifiedWindowDays=10&minAttendanceRate=75"
            + "&attendanceWindowDays=28&maxDaysWithoutMeeting=30&missedMeetings=2"
            + "&maxDaysWithoutProgress=28&endingWithinDays=45&readinessTolerance=25";
    HttpResponse<String> wrong =
        s.post(
            "app/school/thresholds",
            "app/school/thresholds?school=" + id,
            thresholds.replace("minAttendanceRate=75", "minAttendanceRate=175"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("href=\"#minAttendanceRate\"").contains("value=\"175\"");
    HttpResponse<String> saved =
        s.post("app/school/thresholds", "app/school/thresholds?school=" + id, thresholds);
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(core.alerts().thresholds(manager, school.id()).unjustifiedHalfDays()).isEqualTo(4);
    assertThat(s.browser().follow(saved).body()).contains("id=\"saved\"").contains("value=\"75\"");
  }

  @Test
  void theReferentConfirmationNamesTheCoachInWordsNeverByTheirIdInFrenchAndEnglish()
      throws Exception {
    String id = school.id().value().toString();
    // a coach who opened Tremplin from the school's course: known by the name their LMS gave
    Session coach = launch("s-coach-karim", "course-school", COACH, "fr");
    assertThat(coach.browser().follow(coach.landing()).statusCode()).isIn(200, 303);
    Session fr = launch("s-manager", "course-school", MANAGER, "fr");
    Matcher option =
        Pattern.compile("<option value=\"([^\"]+)\"[^>]*>User s-coach-karim</option>")
            .matcher(fr.get("app/school/referents").body());
    assertThat(option.find()).as("the coach is offered by name").isTrue();
    String karim = option.group(1);
    String named = assign(fr, id, ada, karim);
    assertThat(named)
        .contains("User s-coach-karim est désormais le ou la référent·e de Ada Lovelace.");
    assertThat(saved(named)).doesNotContain(karim);
    assertThat(row(named, "learner-" + ada.id().value())).contains("User s-coach-karim");

    // a coach who never opened Tremplin, by the e-mail the manager typed (escaped)
    String typed = "karim.b@ecole.example <b>";
    String unseen = assign(fr, id, ada, typed);
    assertThat(unseen)
        .contains(
            "Le ou la conseiller·ère «\u00a0karim.b@ecole.example &lt;b&gt;\u00a0», pas encore"
                + " connecté·e à Tremplin, est désormais le ou la référent·e de Ada Lovelace.")
        .doesNotContain("<b>");
    // a person id with no name known: said in words, the id never shown
    String personId = java.util.UUID.randomUUID().toString();
    String unnamed = assign(fr, id, ada, personId);
    String reference = personId.replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
    assertThat(unnamed)
        .contains(
            "Un·e conseiller·ère pas encore connecté·e à Tremplin (réf. "
                + reference
                + ") est désormais le ou la référent·e de Ada Lovelace.");
    // (the id is only the value of the coach's option in the list, never text on the page)
    assertThat(saved(unnamed)).doesNotContain(personId);
    assertThat(row(unnamed, "learner-" + ada.id().value())).doesNotContain(personId);
    assertThat(unnamed).doesNotContain(">" + personId + "<");

    Session en = launch("s-manager-en", "course-school", MANAGER, "en");
    assertThat(assign(en, id, ada, typed))
        .contains(
            "The coach “karim.b@ecole.example &lt;b&gt;”, not yet signed in to Tremplin, is now"
                + " the referent coach of Ada Lovelace.");
    String unnamedEn = assign(en, id, ada, personId);
    assertThat(unnamedEn)
        .contains(
            "A coach not yet signed in to Tremplin (ref. "
                + reference
                + ") is now the referent coach of Ada Lovelace.");
    assertThat(saved(unnamedEn)).doesNotContain(personId);
    assertThat(row(unnamedEn, "learner-" + ada.id().value()))
        .contains("coach not yet signed in to Tremplin")
        .doesNotContain(personId);
    assertThat(assign(en, id, ada, karim))
        .contains("User s-coach-karim is now the referent coach of Ada Lovelace.");
  }

  @Test
  void coachesTheLmsSendsNoNameForAreOfferedApartByAReferenceWithTheSettingToChange()
      throws Exception {
    String id = school.id().value().toString();
    KnownCoaches known = new KnownCoaches(core, java.time.Clock.systemUTC());
    Grant coachOfSchool = new Grant(Role.COACH, new Scope.OfSchool(school.id()));
    String first = "7f3a9c00-0000-4000-8000-000000000001";
    String second = "12b0e400-0000-4000-8000-000000000002";
    for (String person : List.of(first, second)) {
      known.remember(
          new AppSession(
              person,
              " ",
              List.of(coachOfSchool),
              null,
              null,
              Locale.FRENCH,
              java.time.Instant.now().plusSeconds(600)));
    }
    Session fr = launch("s-manager-nameless", "course-school", MANAGER, "fr");

    String page = fr.get("app/school/referents").body();

    assertThat(page)
        .contains(
            ">conseiller·ère sans nom transmis par le LMS (réf. 7F3A9C)</option>",
            ">conseiller·ère sans nom transmis par le LMS (réf. 12B0E4)</option>",
            "id=\"coach-nameless\"")
        .doesNotContain(">" + first + "<", ">" + second + "<");
    String assigned = assign(fr, id, ada, second);
    assertThat(saved(assigned))
        .contains(
            "Le ou la conseiller·ère sans nom transmis par le LMS (réf. 12B0E4) est désormais le"
                + " ou la référent·e de Ada Lovelace.")
        .doesNotContain(second);
    assertThat(row(assigned, "learner-" + ada.id().value()))
        .contains("réf. 12B0E4")
        .doesNotContain("pas encore connecté");
    Session en = launch("s-manager-nameless-en", "course-school", MANAGER, "en");
    assertThat(en.get("app/school/referents").body())
        .contains(
            ">coach whose name the LMS does not send (ref. 7F3A9C)</option>",
            "the developer key’s privacy level “Public”");
  }

  /** The page's confirmation ({@code id="saved"}). */
  private static String saved(String html) {
    int start = html.indexOf("id=\"saved\"");
    assertThat(start).as("a confirmation in " + html).isNotNegative();
    return html.substring(start, html.indexOf("</p>", start));
  }

  /** Assigns {@code coach} as the learner's referent; the page the browser is sent to. */
  private static String assign(Session s, String school, Learner learner, String coach)
      throws Exception {
    HttpResponse<String> assigned =
        s.post(
            "app/school/referents",
            "app/school/referents?school=" + school,
            "learner="
                + learner.id().value()
                + "&coach="
                + URLEncoder.encode(coach, StandardCharsets.UTF_8)
                + "&since="
                + today);
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(303);
    assertThat(core.referents().referentOf(manager, learner.id())).contains(coach);
    String page = s.browser().follow(assigned).body();
    assertThat(page).contains("id=\"saved\"");
    return page;
  }

  @Test
  void aManagerOfAnotherSchoolAndATrainerAreRefusedAndWriteNothing() throws Exception {
    Session other = launch("s-manager-93", "course-bobigny", MANAGER, "fr");
    String id = school.id().value().toString();
    int enrolled = core.learners().enrolments(manager, cohort.id()).size();
    int cohorts = core.cohorts().bySchool(manager, school.id()).size();

    assertThat(other.get("app/school?school=" + id).statusCode()).isEqualTo(403);
    assertThat(other.get("app/school?school=" + id + "&format=csv").body()).doesNotContain("Ada");
    assertThat(other.get("app/school/cohorts/" + cohort.id().value() + "/enrolled").statusCode())
        .isEqualTo(403);
    assertThat(other.get("app/school/exits/emploi_durable?school=" + id).statusCode())
        .isEqualTo(403);
    HttpResponse<String> post =
        other.post(
            "app/school/learners/new",
            "app/school/learners?school=" + id,
            "givenName=Intrus&familyName=Ailleurs&cohort="
                + cohort.id().value()
                + "&date="
                + today);
    assertThat(post.statusCode()).isEqualTo(403);
    HttpResponse<String> open =
        other.post(
            "app/school/cohorts/new",
            "app/school/cohorts?school=" + id,
            "name=Intruse&start=2027-01-04&capacity=12&template=ecole-du-web%401");
    assertThat(open.statusCode()).isEqualTo(403);
    assertThat(core.learners().enrolments(manager, cohort.id())).hasSize(enrolled);
    assertThat(core.cohorts().bySchool(manager, school.id())).hasSize(cohorts);

    Session trainer = launch("s-trainer", "course-school", INSTRUCTOR, "fr");
    assertThat(trainer.get("app/school").statusCode()).isEqualTo(403);
    assertThat(trainer.get("app/school/cohorts/" + cohort.id().value() + "/alerts").statusCode())
        .isEqualTo(403);
  }

  @Test
  void theDashboardSpeaksEnglish() throws Exception {
    Session s = launch("s-manager-en", "course-school", MANAGER, "en");
    String html = s.get("app/school").body();
    PagesIT.assertIsALayoutPage(html, "en");
    assertThat(html).contains("School dashboard").contains("Dynamic exits");
  }

  private static String percent(AttendanceRates rates) {
    java.text.NumberFormat f = java.text.NumberFormat.getPercentInstance(java.util.Locale.FRENCH);
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f.format(rates.attendanceRate());
  }

  private static String row(String html, String id) {
    int start = html.indexOf("<tr id=\"" + id + "\"");
    assertThat(start).as("row " + id + " in " + html).isNotNegative();
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
    return new Session(browser, URLDecoder.decode(token.group(1), StandardCharsets.UTF_8), launch);
  }

  /** A browser after a launch, adding the session token to what it asks. */
  private record Session(
      LtiTestPlatform.Browser browser, String token, HttpResponse<String> landing) {
    HttpResponse<String> get(String path) throws Exception {
      String text =
          path
              + (path.contains("?") ? "&" : "?")
              + "session="
              + URLEncoder.encode(token, StandardCharsets.UTF_8);
      return browser.get(platform.base.resolve(text));
    }

    /** Posts to {@code path} with the hidden fields of the form on {@code formPage}. */
    HttpResponse<String> post(String formPage, String path, String body) throws Exception {
      String html = get(formPage).body();
      // the session's CSRF value and a fresh submission id, from the first form of the page
      Map<String, String> hidden = new LinkedHashMap<>(Forms.hiddenFields(html, ""));
      hidden.putIfAbsent("session", token);
      return browser.post(platform.base.resolve(path), body + "&" + Forms.form(hidden));
    }
  }
}

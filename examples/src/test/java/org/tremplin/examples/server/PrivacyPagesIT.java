package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.api.privacy.AuditEntry;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.lti.identity.PlatformUser;
import org.tremplin.testing.Forms;
import org.tremplin.web.form.FormGuard;

/**
 * A learner's personal data from the manager's pages (GDPR access and erasure requests), over real
 * HTTP after real launches: the manager reads the audit trail (a coach's read of the learner's file
 * with the coach's platform name), downloads the export as a JSON attachment (which adds an export
 * line), and anonymises a learner only after typing their family name; a trainer, a coach, the
 * learner and a manager of another school get 403 on every page and post and write nothing; a post
 * without the session's CSRF value is refused.
 */
class PrivacyPagesIT {
  private static LtiTestPlatform platform;
  private static CohortPagesIT.Seeded seeded;
  private static Actor manager;
  private static String school;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("privacy-pages-it");
    seeded = CohortPagesIT.seed(platform);
    manager = Actor.of("engine", Role.MANAGER, new Scope.OfSchool(seeded.cohort().school()));
    school = seeded.cohort().school().value().toString();
    var directory = platform.tremplin.feature().directory();
    directory.linkPerson(
        new PlatformUser(platform.issuer, LtiTestPlatform.CLIENT_ID, "s-cip"), "cip-1");
    seeded.core().referents().assign(manager, seeded.ada().id(), "cip-1", seeded.today());
    Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());
    School neighbour =
        seeded.core().schools().create(admin, "École du Web de Bobigny", new Departement("93"));
    Cohort theirs =
        seeded
            .core()
            .cohorts()
            .open(
                Actor.of("manager-93", Role.MANAGER, new Scope.OfSchool(neighbour.id())),
                new NewCohort(
                    neighbour.id(),
                    "Promo Bobigny",
                    new DateRange(seeded.cohort().range().first(), seeded.cohort().range().last()),
                    new TemplateRef("ecole-du-web", 1),
                    12,
                    List.of()));
    platform.linkCourse("course-bobigny", theirs);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void theManagerSeesACoachsReadOfTheLearnersFileWithTheCoachsName() throws Exception {
    PlatformSession coach =
        PlatformSession.launch(platform, "s-cip", "course-hopper", PageBrowser.ltiRole(Role.COACH));
    assertThat(coach.get("app/home").statusCode()).isIn(200, 303); // remembers the coach's name
    assertThat(coach.get("app/coach/learners/" + ada()).statusCode()).isEqualTo(200);

    PlatformSession own =
        PlatformSession.launch(
            platform, "s-manager", "course-hopper", PageBrowser.ltiRole(Role.MANAGER));
    HttpResponse<String> page = own.get(privacy(ada()));
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html)
        .contains("<h1>Données personnelles de Ada Lovelace</h1>")
        .contains("Promo Hopper")
        .contains("id=\"trail-table\"")
        .contains("<th scope=\"col\">Qui</th>")
        .contains("User s-cip")
        .contains("Lecture")
        .contains("Accompagnement")
        .contains("id=\"export\"")
        .contains("id=\"erase\"");
    // newest first: the manager's own reading of the trail comes before the coach's read
    assertThat(html.indexOf("Journal des accès</td>")).isLessThan(html.indexOf("User s-cip"));
    // the list of learners links to the page, named for screen readers
    assertThat(own.get("app/school/funder").body())
        .contains(privacy(ada()) + "?school=" + school)
        .contains(
            "Journal, export, effacement<span class=\"visually-hidden\"> (Ada Lovelace)</span>");

    HttpResponse<String> english =
        PlatformSession.launch(
                platform, "s-manager-en", "course-hopper", PageBrowser.ltiRole(Role.MANAGER), "en")
            .get(privacy(ada()));
    assertThat(english.body())
        .contains("<h1>Personal data of Ada Lovelace</h1>")
        .contains("Download the export (JSON)")
        .contains("User s-cip");
  }

  @Test
  void theExportIsAJsonAttachmentWithTheLearnersSectionsAndAddsAnExportLine() throws Exception {
    PlatformSession own =
        PlatformSession.launch(
            platform, "s-manager", "course-hopper", PageBrowser.ltiRole(Role.MANAGER));
    long before = count(seeded.ada().id(), AuditAction.EXPORT);
    HttpResponse<String> export = own.get(privacy(ada()) + "/export");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"donnees-personnelles-" + ada() + ".json\"");
    assertThat(export.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    assertThat(export.body())
        .startsWith("{")
        .contains("\"learner\"", "\"familyName\" : \"Lovelace\"", "\"attendance\"", "\"referents\"")
        .contains("\"lmsAccounts\"");
    assertThat(count(seeded.ada().id(), AuditAction.EXPORT)).isEqualTo(before + 1);
    assertThat(own.get(privacy(ada())).body()).contains("Export des données personnelles");
  }

  @Test
  void aWrongConfirmationChangesNothingAndTheRightOneAnonymisesTheLearner() throws Exception {
    PlatformSession own =
        PlatformSession.launch(
            platform, "s-manager", "course-hopper", PageBrowser.ltiRole(Role.MANAGER));
    String linus = seeded.linus().id().value().toString();
    String form = privacy(linus) + "/erase";
    HttpResponse<String> confirm = own.get(form);
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body())
        .contains("class=\"warning-text\"")
        .contains("définitive")
        .contains("Ce qui sera effacé")
        .contains("Ce qui reste")
        .contains("saisissez son nom de famille : Torvalds");

    HttpResponse<String> wrong = own.post(form, form + "?school=" + school, "confirmation=Linus");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body())
        .contains("id=\"error-summary\"")
        .contains("href=\"#confirmation\"")
        .contains("value=\"Linus\"");
    HttpResponse<String> empty = own.post(form, form + "?school=" + school, "confirmation=");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(learner(seeded.linus().id()).familyName()).isEqualTo("Torvalds");
    assertThat(count(seeded.linus().id(), AuditAction.ERASE)).isZero();

    // capitals and spaces do not matter
    HttpResponse<String> right =
        own.post(form, form + "?school=" + school, "confirmation=+torvalds+");
    assertThat(right.statusCode()).as(right.body()).isEqualTo(303);
    String location = right.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/privacy/erased?");
    HttpResponse<String> done = own.browser().get(platform.base.resolve(location));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body())
        .contains("Personne anonymisée")
        .contains("Prénom et nom")
        .contains("1 ligne effacée ou vidée")
        .contains("Comptes LMS");

    assertThat(learner(seeded.linus().id()).familyName()).isEqualTo("[effacé]");
    assertThat(learner(seeded.linus().id()).givenName()).isEqualTo("[effacé]");
    assertThat(count(seeded.linus().id(), AuditAction.ERASE)).isOne();
    assertThat(own.get(privacy(linus) + "/export").body())
        .contains("\"familyName\" : \"[effacé]\"")
        .doesNotContain("Torvalds");
    String again = own.get(privacy(linus)).body();
    assertThat(again)
        .contains("Données personnelles de [effacé] [effacé]")
        .contains("id=\"erased\"")
        .doesNotContain("id=\"erase\"")
        .contains("Anonymisation");
    assertThat(own.get("app/school/funder").body()).doesNotContain("Torvalds");
    // the confirmation is not offered twice
    assertThat(own.get(form).statusCode()).isEqualTo(303);
  }

  @Test
  void aTrainerACoachTheLearnerAndAnotherSchoolsManagerAreRefusedAndWriteNothing()
      throws Exception {
    String ada = ada();
    Map<String, PlatformSession> refused = new LinkedHashMap<>();
    refused.put(
        "trainer",
        PlatformSession.launch(
            platform, "s-trainer", "course-hopper", PageBrowser.ltiRole(Role.TRAINER)));
    refused.put(
        "coach",
        PlatformSession.launch(
            platform, "s-cip", "course-hopper", PageBrowser.ltiRole(Role.COACH)));
    refused.put(
        "learner",
        PlatformSession.launch(
            platform, "s-ada", "course-hopper", PageBrowser.ltiRole(Role.LEARNER)));
    refused.put(
        "other manager",
        PlatformSession.launch(
            platform, "s-manager-93", "course-bobigny", PageBrowser.ltiRole(Role.MANAGER)));
    // each session's own CSRF value (from a form of theirs), so that the page itself refuses; their
    // homes read Ada's data (and audit it) before the count is taken
    Map<String, Map<String, String>> fields = new LinkedHashMap<>();
    for (var r : refused.entrySet()) {
      fields.put(r.getKey(), formFields(r.getValue()));
      assertThat(fields.get(r.getKey())).as(r.getKey()).containsKey("csrf");
    }
    long lines = meaningful(seeded.ada().id());
    for (var r : refused.entrySet()) {
      PlatformSession s = r.getValue();
      for (String path : List.of(privacy(ada), privacy(ada) + "/export", privacy(ada) + "/erase")) {
        HttpResponse<String> page = s.get(path + "?school=" + school);
        assertThat(page.statusCode()).as(r.getKey() + " " + path).isEqualTo(403);
        String main = page.body().substring(page.body().indexOf("<main"));
        assertThat(main).doesNotContain("Lovelace");
      }
      Map<String, String> hidden = fields.get(r.getKey());
      HttpResponse<String> post =
          s.browser()
              .post(
                  platform.base.resolve(privacy(ada) + "/erase?school=" + school),
                  "confirmation=Lovelace&" + Forms.form(hidden));
      assertThat(post.statusCode()).isEqualTo(403);
      assertThat(post.body()).contains("Accès refusé");
    }
    // in their own school, the learner is not the other manager's
    assertThat(refused.get("other manager").get(privacy(ada)).statusCode()).isEqualTo(404);

    assertThat(learner(seeded.ada().id()).familyName()).isEqualTo("Lovelace");
    assertThat(meaningful(seeded.ada().id())).isEqualTo(lines);
  }

  @Test
  void aLongTrailIsShownFiftyLinesAPageNewestFirst() throws Exception {
    for (int i = 0; i < 60; i++) {
      seeded.core().privacy().auditTrail(manager, seeded.ada().id()); // each reading adds a line
    }
    long total = seeded.core().privacy().auditTrail(manager, seeded.ada().id()).size() + 1;
    PlatformSession own =
        PlatformSession.launch(
            platform, "s-manager", "course-hopper", PageBrowser.ltiRole(Role.MANAGER));
    String first = own.get(privacy(ada())).body();
    assertThat(first)
        .contains("Lignes 1 à 50 sur " + total)
        .contains("id=\"older\"")
        .doesNotContain("id=\"newer\"");
    assertThat(first.split("<tr>", -1)).hasSize(1 + 1 + 50); // before, the header, 50 lines
    String second = own.get(privacy(ada()) + "?page=2").body();
    assertThat(second).contains("Lignes 51 à").contains("id=\"newer\"");
    // a page beyond the last shows the last
    assertThat(own.get(privacy(ada()) + "?page=999").body()).contains("id=\"newer\"");
  }

  @Test
  void everyPageIsALayoutPageThatEscapesHostileNames() throws Exception {
    String hostile = "<script>alert(1)</script>";
    String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    var eve = seeded.core().learners().register(manager, seeded.cohort().school(), "Eve", hostile);
    seeded.core().learners().join(manager, seeded.cohort().id(), eve.id(), seeded.today());
    LtiTestPlatform.Browser browser = platform.browser().speaking("fr");
    HttpResponse<String> launch =
        browser.launch(
            "s-manager-hostile",
            "course-hopper",
            List.of(PageBrowser.ltiRole(Role.MANAGER)),
            Map.of("name", hostile));
    PlatformSession own = new PlatformSession(platform, browser, PlatformSession.tokenOf(launch));
    String page = privacy(eve.id().value().toString());
    for (String path : List.of(page, page + "?page=2", page + "/erase")) {
      HttpResponse<String> response = own.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      PagesIT.assertIsALayoutPage(response.body(), "fr");
      assertThat(response.body()).as(path).contains("Eve " + escaped).doesNotContain(hostile);
    }
    // the manager's own platform name in the trail, escaped
    assertThat(own.get(page).body()).contains("<td data-label=\"Qui\">" + escaped + "</td>");
    HttpResponse<String> wrong =
        own.post(page + "/erase", page + "/erase?school=" + school, "confirmation=Eve");
    assertThat(wrong.statusCode()).isEqualTo(400);
    PagesIT.assertIsALayoutPage(wrong.body(), "fr");
    assertThat(wrong.body()).contains(escaped).doesNotContain(hostile);
    assertThat(own.get(page + "/export").body()).contains("\"familyName\" : \"" + hostile);
  }

  @Test
  void aPostWithoutTheSessionsCsrfValueIsRefused() throws Exception {
    PlatformSession own =
        PlatformSession.launch(
            platform, "s-manager", "course-hopper", PageBrowser.ltiRole(Role.MANAGER));
    String grace = seeded.grace().id().value().toString();
    String form = privacy(grace) + "/erase";
    Map<String, String> hidden = new LinkedHashMap<>(Forms.hiddenFields(own.get(form).body(), ""));
    hidden.remove("csrf");
    HttpResponse<String> post =
        own.browser()
            .post(
                platform.base.resolve(form + "?school=" + school),
                "confirmation=Hopper&" + Forms.form(hidden));
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(learner(seeded.grace().id()).familyName()).isEqualTo("Hopper");
    assertThat(count(seeded.grace().id(), AuditAction.ERASE)).isZero();
  }

  private static String ada() {
    return seeded.ada().id().value().toString();
  }

  private static String privacy(String learner) {
    return "app/school/learners/" + learner + "/privacy";
  }

  private static org.tremplin.api.learner.Learner learner(LearnerId id) {
    return seeded.core().learners().get(manager, id);
  }

  private static long count(LearnerId learner, AuditAction action) {
    return seeded.core().privacy().auditTrail(manager, learner).stream()
        .filter(e -> e.action() == action)
        .count();
  }

  /** The trail's lines but the readings of the trail itself (each reading adds one). */
  private static long meaningful(LearnerId learner) {
    return seeded.core().privacy().auditTrail(manager, learner).stream()
        .map(AuditEntry::what)
        .filter(w -> !w.equals("privacy.audit-trail"))
        .count();
  }

  /**
   * The hidden fields of the first form this session meets from its home (following redirects), or
   * of the pages its role has forms on.
   */
  static Map<String, String> formFields(PlatformSession s) throws Exception {
    for (String start :
        List.of("app/home", "app/coach/learners/" + ada(), "app/school/thresholds")) {
      HttpResponse<String> page = s.get(start);
      for (int i = 0; i < 4 && page.statusCode() == 303; i++) {
        page = s.browser().get(platform.base.resolve(page.headers().firstValue("Location").get()));
      }
      Matcher fields =
          Pattern.compile(
                  "<input type=\"hidden\" name=\"(session|csrf|submission)\" value=\"([^\"]*)\">")
              .matcher(page.body());
      Map<String, String> hidden = new LinkedHashMap<>();
      while (fields.find()) {
        hidden.putIfAbsent(fields.group(1), fields.group(2));
      }
      if (hidden.containsKey("csrf")) {
        return hidden;
      }
    }
    // a role without a form of its own (a trainer between sheets, a learner): the session's
    // CSRF value as the guard computes it, so that the page itself has to refuse
    java.lang.reflect.Field forms =
        platform.tremplin.feature().getClass().getDeclaredField("forms");
    forms.setAccessible(true);
    FormGuard guard = (FormGuard) forms.get(platform.tremplin.feature());
    return Map.of(
        "session",
        s.token(),
        "csrf",
        guard.csrf(s.token()),
        "submission",
        UUID.randomUUID().toString());
  }
}

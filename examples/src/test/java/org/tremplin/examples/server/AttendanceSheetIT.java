package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tremplin.api.CohortId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.MutableClock;

/**
 * The trainer's attendance sheet over real HTTP (issue 12, items 1 and 4): today's half-day from
 * the calendar and the clock, the learners enrolled that day, everyone present then exceptions,
 * recorded in one transaction once per submission, errors next to their fields in the user's
 * language with the values kept, corrections with a reason and their history, and no session on a
 * holiday. The cohort runs 2025-09-01 → 2026-06-30 (département 92); Tremplin's clock is set per
 * test.
 */
class AttendanceSheetIT {
  /** Tuesday 10 March 2026, 09:30 in Paris: the morning sheet. */
  private static final Instant TUESDAY_MORNING = Instant.parse("2026-03-10T08:30:00Z");

  private static final MutableClock clock =
      new MutableClock(TUESDAY_MORNING, ZoneId.of("Europe/Paris"));
  private static LtiTestPlatform platform;
  private static Tremplin core;
  private static CohortId cohort;
  private static Actor manager;
  private static Learner ada;
  private static Learner bob;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("attendance-sheet-it", lms -> Map.of(), clock);
    core = platform.tremplin.feature().tremplin();
    LtiTestPlatform.Seeded seeded = platform.seedCohort("Promo Émargement", "s-ada");
    cohort = seeded.cohort().id();
    manager = seeded.manager();
    ada = core.learners().learners(manager, cohort).get(0);
    bob = core.learners().register(manager, seeded.school().id(), "Bob", "Martin");
    core.learners().join(manager, cohort, bob.id(), LocalDate.of(2025, 9, 1));
    Learner chloe = core.learners().register(manager, seeded.school().id(), "Chloé", "Gone");
    core.learners().join(manager, cohort, chloe.id(), LocalDate.of(2025, 9, 1));
    core.learners().leave(manager, cohort, chloe.id(), LocalDate.of(2026, 3, 2), "emploi");
    Learner dan = core.learners().register(manager, seeded.school().id(), "Dan", "Later");
    core.learners().join(manager, cohort, dan.id(), LocalDate.of(2026, 3, 16));
    platform.linkCourse("course-1", seeded.cohort());
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @BeforeEach
  void morning() {
    clock.set(TUESDAY_MORNING);
  }

  @Test
  void theTrainersHomeLeadsToTodaysMorningSheetWithTheLearnersEnrolledToday() throws Exception {
    Trainer trainer = launch("s-trainer-1", "fr");

    HttpResponse<String> home = trainer.browser.get(trainer.home);
    assertThat(home.body()).contains("id=\"attendance-link\"");
    HttpResponse<String> sheet =
        trainer.browser.get(trainer.home.resolve(href(home.body(), "attendance-link")));

    assertThat(sheet.statusCode()).isEqualTo(200);
    assertThat(sheet.body())
        .contains("<h1 id=\"sheet-title\">mardi 10 mars 2026 — matin</h1>")
        .contains("Promo Émargement")
        .contains("Ada Lovelace")
        .contains("Bob Martin")
        .doesNotContain("Chloé Gone") // left on 2 March
        .doesNotContain("Dan Later") // starts on 16 March
        .contains("name=\"csrf\"")
        .contains("value=\"PRESENT\" id=\"mark-" + ada.id().value() + "\" checked");
  }

  @Test
  void theSheetSpeaksTheLanguageOfTheLmsAndTheAfternoonFollowsTheMorning() throws Exception {
    clock.set(Instant.parse("2026-03-10T13:05:00Z")); // 14:05 in Paris
    Trainer trainer = launch("s-trainer-2", "en");

    HttpResponse<String> sheet = trainer.browser.get(trainer.sheet());

    assertThat(sheet.body())
        .contains("lang=\"en\"")
        .contains("Tuesday, March 10, 2026 — afternoon")
        .contains("Everyone present")
        .contains("This week");
  }

  @Test
  void allPresentAndOneAbsenceAreRecordedTogetherAndShownAfterReload() throws Exception {
    Trainer trainer = launch("s-trainer-3", "fr");
    URI sheet = trainer.sheet();
    Map<String, String> form = trainer.browser.formOn(sheet, "app/attendance", Map.of());
    form.putAll(defaults(trainer.browser.get(sheet).body()));
    form.put("mark-" + bob.id().value(), "ABSENT_UNJUSTIFIED");

    HttpResponse<String> saved =
        trainer.browser.post(platform.base.resolve("app/attendance"), form);

    assertThat(saved.statusCode()).isEqualTo(303);
    HttpResponse<String> reloaded = trainer.browser.follow(saved);
    assertThat(reloaded.body())
        .contains("Déjà enregistrée")
        .contains("Présent·e")
        .contains("Absent·e non justifié·e")
        .doesNotContain("name=\"mark-");
    assertThat(marksOn(HalfDay.am(LocalDate.of(2026, 3, 10))))
        .containsEntry(ada.displayName(), AttendanceMark.of(Mark.PRESENT))
        .containsEntry(bob.displayName(), AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED));
  }

  @Test
  void aDoubleSubmitRecordsOnceAndAnswersAsTheFirst() throws Exception {
    Trainer trainer = launch("s-trainer-4", "fr");
    URI monday = trainer.sheetOf("2026-03-09", "AM");
    Map<String, String> form = trainer.browser.formOn(monday, "app/attendance", Map.of());
    form.putAll(defaults(trainer.browser.get(monday).body()));

    HttpResponse<String> first =
        trainer.browser.post(platform.base.resolve("app/attendance"), form);
    HttpResponse<String> second =
        trainer.browser.post(platform.base.resolve("app/attendance"), form);

    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(second.statusCode()).isEqualTo(303);
    assertThat(location(second)).isEqualTo(location(first));
    HalfDay halfDay = HalfDay.am(LocalDate.of(2026, 3, 9));
    assertThat(core.attendance().history(manager, cohort, ada.id(), halfDay)).hasSize(1);
    assertThat(marksOn(halfDay)).hasSize(2);
  }

  @Test
  void aLateMarkWithoutMinutesIsRefusedNextToItsFieldKeepingTheOtherMarks() throws Exception {
    Trainer trainer = launch("s-trainer-5", "fr");
    URI sheet = trainer.sheetOf("2026-03-09", "PM");
    Map<String, String> form = trainer.browser.formOn(sheet, "app/attendance", Map.of());
    form.putAll(defaults(trainer.browser.get(sheet).body()));
    form.put("mark-" + ada.id().value(), "LATE");
    form.put("mark-" + bob.id().value(), "SICK_LEAVE");

    HttpResponse<String> refused =
        trainer.browser.post(platform.base.resolve("app/attendance"), form);

    assertThat(refused.statusCode()).isEqualTo(400);
    String late = "late-" + ada.id().value();
    assertThat(refused.body())
        .contains("<title>Erreur : Feuille d’émargement")
        .contains("Il y a un problème")
        .contains("<a href=\"#" + late + "\">Indiquez le retard de Ada Lovelace en minutes")
        .contains("id=\"" + late + "-error\"")
        .contains("aria-invalid=\"true\" aria-describedby=\"" + late + "-error\"")
        .contains("value=\"SICK_LEAVE\" id=\"mark-" + bob.id().value() + "-SICK_LEAVE\" checked")
        .contains("value=\"LATE\" id=\"mark-" + ada.id().value() + "-LATE\" checked");
    assertThat(marksOn(HalfDay.pm(LocalDate.of(2026, 3, 9)))).isEmpty();

    form.put(late, "12");
    HttpResponse<String> saved =
        trainer.browser.post(platform.base.resolve("app/attendance"), form);
    assertThat(saved.statusCode()).as("the refused submission id was not spent").isEqualTo(303);
    assertThat(marksOn(HalfDay.pm(LocalDate.of(2026, 3, 9))))
        .containsEntry(ada.displayName(), AttendanceMark.late(12));
  }

  @Test
  void aPostWithoutTheCsrfValueIsRefusedAndRecordsNothing() throws Exception {
    Trainer trainer = launch("s-trainer-6", "fr");
    URI sheet = trainer.sheetOf("2026-03-06", "AM");
    Map<String, String> form = trainer.browser.formOn(sheet, "app/attendance", Map.of());
    form.putAll(defaults(trainer.browser.get(sheet).body()));
    form.remove("csrf");

    HttpResponse<String> refused =
        trainer.browser.post(platform.base.resolve("app/attendance"), form);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(marksOn(HalfDay.am(LocalDate.of(2026, 3, 6)))).isEmpty();
  }

  @Test
  void aCorrectionNeedsAReasonAndKeepsTheHistoryWhoWhenWhy() throws Exception {
    HalfDay friday = HalfDay.pm(LocalDate.of(2026, 3, 6));
    core.attendance()
        .recordAll(
            manager,
            cohort,
            List.of(
                new AttendanceEntry(ada.id(), friday, AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED)),
                new AttendanceEntry(bob.id(), friday, AttendanceMark.of(Mark.PRESENT))));
    Trainer trainer = launch("s-trainer-7", "fr");
    HttpResponse<String> sheet = trainer.browser.get(trainer.sheetOf("2026-03-06", "PM"));
    URI correction = trainer.sheet().resolve(href(sheet.body(), "recorded-" + ada.id().value()));
    Map<String, String> form =
        trainer.browser.formOn(
            correction,
            "app/attendance/correction",
            Map.of("mark", "ABSENT_JUSTIFIED", "reason", "  "));

    HttpResponse<String> refused =
        trainer.browser.post(platform.base.resolve("app/attendance/correction"), form);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Indiquez le motif de la correction.")
        .contains("value=\"ABSENT_JUSTIFIED\" id=\"mark-ABSENT_JUSTIFIED\" checked");
    assertThat(core.attendance().history(manager, cohort, ada.id(), friday)).hasSize(1);

    form.put("reason", "Certificat médical <b>reçu</b>");
    HttpResponse<String> corrected =
        trainer.browser.post(platform.base.resolve("app/attendance/correction"), form);

    assertThat(corrected.statusCode()).isEqualTo(303);
    HttpResponse<String> history = trainer.browser.follow(corrected);
    assertThat(history.body())
        .contains("Marque actuelle : Absent·e justifié·e")
        .contains(">User s-trainer-7</td>")
        .contains("Certificat médical &lt;b&gt;reçu&lt;/b&gt;")
        .contains("saisie initiale")
        .contains("10 mars 2026");
    List<AttendanceRecord> versions = core.attendance().history(manager, cohort, ada.id(), friday);
    assertThat(versions).hasSize(2);
    assertThat(versions.get(1).reason()).isEqualTo("Certificat médical <b>reçu</b>");
    assertThat(versions.get(1).mark()).isEqualTo(AttendanceMark.of(Mark.ABSENT_JUSTIFIED));
    HttpResponse<String> again = trainer.browser.get(trainer.sheetOf("2026-03-06", "PM"));
    assertThat(again.body()).contains("corrigée");
  }

  @Test
  void onAPublicHolidayThereIsNoSessionAndTheWeeksHalfDaysAreOneClickAway() throws Exception {
    clock.set(Instant.parse("2026-05-14T08:00:00Z")); // Ascension Thursday
    Trainer trainer = launch("s-trainer-8", "fr");

    HttpResponse<String> page = trainer.browser.get(trainer.sheet());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Pas de séance aujourd’hui")
        .contains("jeudi 14 mai 2026 est un jour férié (Ascension)")
        .contains("lundi 11 mai 2026 — matin")
        .contains("mercredi 13 mai 2026 — après-midi")
        .contains("à remplir")
        .doesNotContain("name=\"mark-");
  }

  @Test
  void aHalfDayThatHasNotStartedHasNoSheetYet() throws Exception {
    Trainer trainer = launch("s-trainer-9", "fr");

    HttpResponse<String> page = trainer.browser.get(trainer.sheetOf("2026-03-10", "PM"));

    assertThat(page.statusCode()).isEqualTo(409);
    assertThat(page.body()).contains("pas encore commencé");
  }

  @Test
  void aLearnerGetsNoSheet() throws Exception {
    LtiTestPlatform.Browser learner = platform.browser();
    HttpResponse<String> launch =
        learner.launch("s-ada", "course-1", List.of(MEMBERSHIP + "#Learner"), claimsNow("fr"));
    URI home = URI.create(location(launch));

    HttpResponse<String> page = learner.get(home.resolve("attendance?" + home.getRawQuery()));

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Page réservée aux formateur·rices");
  }

  // ---- helpers

  private record Trainer(LtiTestPlatform.Browser browser, URI home) {
    URI sheet() {
      return home.resolve("attendance?" + home.getRawQuery());
    }

    URI sheetOf(String day, String part) {
      return home.resolve("attendance?day=" + day + "&part=" + part + "&" + home.getRawQuery());
    }
  }

  private static Trainer launch(String sub, String locale) throws Exception {
    LtiTestPlatform.Browser browser = platform.browser();
    HttpResponse<String> launch =
        browser.launch(sub, "course-1", List.of(MEMBERSHIP + "#Instructor"), claimsNow(locale));
    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    return new Trainer(browser, URI.create(location(launch)));
  }

  /** Issued at Tremplin's clock, in this language. */
  private static Map<String, Object> claimsNow(String locale) {
    return Map.of(
        "iat",
        Date.from(clock.instant()),
        "exp",
        Date.from(clock.instant().plus(Duration.ofMinutes(5))),
        "https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
        Map.of("locale", locale));
  }

  /** The checked radio of every learner, as a browser would post them. */
  private static Map<String, String> defaults(String html) {
    Map<String, String> marks = new LinkedHashMap<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<input type=\"radio\" name=\"(mark-[^\"]+)\" value=\"([A-Z_]+)\"[^>]* checked")
            .matcher(html);
    while (m.find()) {
      marks.put(m.group(1), m.group(2));
    }
    assertThat(marks).isNotEmpty();
    return marks;
  }

  private static Map<String, AttendanceMark> marksOn(HalfDay halfDay) {
    Map<String, AttendanceMark> marks = new LinkedHashMap<>();
    for (AttendanceRecord r :
        core.attendance().current(manager, cohort, DateRange.of(halfDay.date()))) {
      if (r.halfDay().equals(halfDay)) {
        marks.put(r.learner().equals(ada.id()) ? ada.displayName() : bob.displayName(), r.mark());
      }
    }
    return marks;
  }

  /** The href of the link with this id, or of the first link inside the element with this id. */
  private static String href(String html, String id) {
    String quoted = java.util.regex.Pattern.quote(id);
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("<a id=\"" + quoted + "\"[^>]* href=\"([^\"]+)\"")
            .matcher(html);
    if (link.find()) {
      return link.group(1).replace("&amp;", "&");
    }
    java.util.regex.Matcher inside =
        java.util.regex.Pattern.compile(
                "id=\"" + quoted + "\"[^>]*>.*?href=\"([^\"]+)\"", java.util.regex.Pattern.DOTALL)
            .matcher(html);
    assertThat(inside.find()).as("link %s in %s", id, html).isTrue();
    return inside.group(1).replace("&amp;", "&");
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }
}

package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.funder.CertificationOutcome;
import org.tremplin.api.funder.CertificationResult;
import org.tremplin.api.funder.DeclaredSex;
import org.tremplin.api.funder.DiplomaLevel;
import org.tremplin.api.funder.FunderFacts;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.report.GenIndicators;
import org.tremplin.api.report.ReportScope;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;

/**
 * A learner's funder facts and certification result declared from the manager's pages (issue 14,
 * item 1), in a real browser after a real launch: the manager opens the learner's facts, corrects
 * the birth date and records the full title; after a reload the page shows them, and the Grande
 * École du Numérique indicators the engine computes change accordingly (one more under-26 entry,
 * one more full title). axe-core finds no violation (with and without errors, at 1280 px and 390
 * px, in French and English); a trainer of the cohort and a manager of another school get 403 and
 * write nothing.
 */
class FunderFactsBrowserIT {
  private static LtiTestPlatform platform;
  private static PageBrowser.Desk desk;
  private static CohortPagesIT.Seeded seeded;
  private static Actor manager;
  private static LocalDate joined;

  @BeforeAll
  static void start() throws Exception {
    PageBrowser.assumeChromium();
    platform = new LtiTestPlatform("funder-facts-browser-it");
    seeded = CohortPagesIT.seed(platform);
    desk = PageBrowser.desk(platform, Clock.systemUTC());
    manager = Actor.of("engine", Role.MANAGER, new Scope.OfSchool(seeded.cohort().school()));
    joined = seeded.cohort().range().first();
    // Ada's facts as imported at entry, with a mistyped birth year (36, not 22)
    seeded
        .core()
        .funderFacts()
        .declare(
            manager,
            seeded.cohort().id(),
            seeded.ada().id(),
            new FunderFacts(
                joined,
                DeclaredSex.FEMALE,
                LocalDate.of(1990, 5, 14),
                DiplomaLevel.BAC,
                true,
                false,
                true));
    // a neighbouring school, whose manager launches from its own course
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
                    new DateRange(joined, joined.plusWeeks(43).minusDays(3)),
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
  void aManagerCorrectsTheBirthDateAndRecordsTheTitleAndTheGenIndicatorsFollow() {
    int year = joined.getYear();
    LocalDate jury = seeded.today().getYear() == year ? seeded.today() : LocalDate.of(year, 12, 31);
    GenIndicators before = gen(year);
    try (PageBrowser browser = PageBrowser.open(PageBrowser.DESKTOP)) {
      URI landing = browser.launch(desk, "s-manager", "course-hopper", Role.MANAGER, "fr");
      assertThat(landing.getPath()).isEqualTo("/app/school");
      browser.driver().findElement(By.linkText("Données financeurs")).click();
      String row = "learner-" + seeded.ada().id().value();
      wait(browser, By.id(row));
      assertThat(browser.driver().findElement(By.id(row)).getText()).doesNotContain("à déclarer");
      assertThat(
              browser
                  .driver()
                  .findElement(By.id("learner-" + seeded.grace().id().value()))
                  .getText())
          .contains("à déclarer");
      browser.assertNoAxeViolations();
      browser.screenshot("school-funder-list-fr-1280");

      browser.driver().findElement(By.id(row)).findElement(By.tagName("a")).click();
      wait(browser, By.id("facts-form"));
      assertThat(browser.driver().findElement(By.id("fact-birth")).getText()).contains("1990");
      assertThat(browser.driver().findElement(By.id("no-result")).isDisplayed()).isTrue();
      browser.assertNoAxeViolations();

      // a wrong year first: refused, the error in the summary and next to the field
      type(browser, "birthDate", "2019-05-14");
      browser.driver().findElement(By.id("save-facts")).click();
      wait(browser, By.id("error-summary"));
      assertThat(browser.driver().findElement(By.id("error-summary")).getText())
          .contains("vérifiez l'année");
      assertThat(browser.driver().findElement(By.id("birthDate")).getAttribute("value"))
          .isEqualTo("2019-05-14");
      browser.assertNoAxeViolations();
      browser.screenshot("school-funder-facts-errors-fr-1280");
      assertThat(facts().birthDate()).isEqualTo(LocalDate.of(1990, 5, 14));

      type(browser, "birthDate", "2004-05-14");
      browser.driver().findElement(By.id("save-facts")).click();
      wait(browser, By.id("saved"));
      int age = Period.between(LocalDate.of(2004, 5, 14), joined).getYears();
      assertThat(browser.driver().findElement(By.id("fact-birth")).getText())
          .contains("2004")
          .contains(age + " ans");

      type(browser, "sessionOn", jury.toString());
      browser.driver().findElement(By.id("outcome")).click();
      browser.driver().findElement(By.id("save-certification")).click();
      wait(browser, By.id("result-outcome"));
      browser.assertNoAxeViolations();
      browser.screenshot("school-funder-facts-fr-1280");

      browser.driver().navigate().refresh();
      wait(browser, By.id("result-outcome"));
      assertThat(browser.driver().findElement(By.id("fact-birth")).getText()).contains("2004");
      assertThat(browser.driver().findElement(By.id("fact-level")).getText()).contains("Niveau 4");
      assertThat(browser.driver().findElement(By.id("result-outcome")).getText())
          .contains("Titre professionnel obtenu en entier");
      assertThat(browser.driver().findElement(By.id("birthDate")).getAttribute("value"))
          .isEqualTo("2004-05-14");
      assertThat(browser.driver().findElement(By.id("outcome")).isSelected()).isTrue();
    }

    FunderFacts now = facts();
    assertThat(now.birthDate()).isEqualTo(LocalDate.of(2004, 5, 14));
    assertThat(now.declaredOn()).isEqualTo(joined);
    assertThat(now.sex()).isEqualTo(DeclaredSex.FEMALE);
    assertThat(now.qpvResident()).isTrue();
    assertThat(
            seeded
                .core()
                .funderFacts()
                .certification(manager, seeded.cohort().id(), seeded.ada().id()))
        .contains(new CertificationResult(jury, CertificationOutcome.FULL_TITLE, List.of()));
    GenIndicators after = gen(year);
    assertThat(after.under26().count()).isEqualTo(before.under26().count() + 1);
    assertThat(after.fullTitles().count()).isEqualTo(before.fullTitles().count() + 1);
    assertThat(after.women().count()).isEqualTo(before.women().count());
  }

  @Test
  void aPartialTitleNamesItsBlocksAndEveryFormPassesAxeAtBothWidthsInBothLanguages() {
    String page = "/app/school/learners/" + seeded.grace().id().value() + "/facts";
    for (String language : List.of("fr", "en")) {
      for (int width : new int[] {PageBrowser.DESKTOP, PageBrowser.PHONE}) {
        try (PageBrowser browser = PageBrowser.open(width)) {
          URI home = browser.launch(desk, "s-manager", "course-hopper", Role.MANAGER, language);
          String token = home.getRawQuery();
          for (String path : List.of("/app/school/funder", page)) {
            browser.get(platform.base.resolve(path + "?" + token));
            assertThat(browser.source()).contains("lang=\"" + language + "\"");
            Object scroll =
                ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth;");
            assertThat(((Number) scroll).intValue()).as(path).isLessThanOrEqualTo(width);
            browser.assertNoAxeViolations();
          }
          browser.screenshot("school-funder-facts-empty-" + language + "-" + width);
          // a partial result without a block, and facts without a birth date: every error shown
          browser.driver().findElement(By.id("outcome-PARTIAL")).click();
          type(browser, "sessionOn", seeded.today().toString());
          browser.driver().findElement(By.id("save-certification")).click();
          wait(browser, By.id("error-summary"));
          assertThat(browser.driver().findElements(By.cssSelector("#error-summary li"))).hasSize(1);
          browser.assertNoAxeViolations();
          browser.screenshot("school-funder-facts-errors-" + language + "-" + width);
        }
      }
    }
    try (PageBrowser browser = PageBrowser.open(PageBrowser.PHONE)) {
      URI home = browser.launch(desk, "s-manager", "course-hopper", Role.MANAGER, "fr");
      browser.get(platform.base.resolve(page + "?" + home.getRawQuery()));
      type(browser, "sessionOn", seeded.today().toString());
      browser.driver().findElement(By.id("outcome-PARTIAL")).click();
      browser.driver().findElement(By.id("blocks")).click();
      browser.driver().findElement(By.id("save-certification")).click();
      wait(browser, By.id("result-outcome"));
      assertThat(browser.driver().findElement(By.id("result-outcome")).getText())
          .contains("RNCP37674BC01");
    }
    assertThat(
            seeded
                .core()
                .funderFacts()
                .certification(manager, seeded.cohort().id(), seeded.grace().id())
                .map(CertificationResult::blocksObtained))
        .contains(List.of("RNCP37674BC01"));
  }

  @Test
  void badValuesComeBackWithEveryErrorLocatedTheValuesKeptAndNothingWritten() throws Exception {
    String school = seeded.cohort().school().value().toString();
    String linus = seeded.linus().id().value().toString();
    String page = "app/school/learners/" + linus + "/facts?school=" + school;
    PlatformSession own =
        PlatformSession.launch(
            platform, "s-manager-facts", "course-hopper", PageBrowser.ltiRole(Role.MANAGER));

    HttpResponse<String> facts =
        own.post(
            page,
            "app/school/learners/" + linus + "/facts?school=" + school,
            "declaredOn=2999-01-01&sex=OTHER&birthDate=14/05/2004&diplomaLevel=9&qpv=maybe&neet=true");
    assertThat(facts.statusCode()).isEqualTo(400);
    assertThat(facts.body())
        .contains("id=\"error-summary\"")
        .contains(
            "href=\"#declaredOn\"",
            "href=\"#sex\"",
            "href=\"#birthDate\"",
            "href=\"#diplomaLevel\"",
            "href=\"#qpv\"",
            "href=\"#jobseeker\"")
        .doesNotContain("href=\"#neet\"")
        .contains("value=\"14/05/2004\"", "value=\"2999-01-01\"");

    HttpResponse<String> result =
        own.post(
            page,
            "app/school/learners/" + linus + "/certification?school=" + school,
            "sessionOn=" + seeded.today() + "&outcome=FULL_TITLE&blocks=RNCP37674BC01");
    assertThat(result.statusCode()).isEqualTo(400);
    assertThat(result.body()).contains("href=\"#blocks\"").doesNotContain("href=\"#outcome\"");
    HttpResponse<String> unknown =
        own.post(
            page,
            "app/school/learners/" + linus + "/certification?school=" + school,
            "sessionOn=" + seeded.today() + "&outcome=PARTIAL&blocks=RNCP99999BC01");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("href=\"#blocks\"");

    assertThat(
            seeded.core().funderFacts().facts(manager, seeded.cohort().id(), seeded.linus().id()))
        .isEmpty();
    assertThat(
            seeded
                .core()
                .funderFacts()
                .certification(manager, seeded.cohort().id(), seeded.linus().id()))
        .isEmpty();
  }

  @Test
  void aTrainerAndAManagerOfAnotherSchoolAreRefusedAndWriteNothing() throws Exception {
    String school = seeded.cohort().school().value().toString();
    String learner = seeded.ada().id().value().toString();
    Optional<FunderFacts> facts =
        seeded.core().funderFacts().facts(manager, seeded.cohort().id(), seeded.ada().id());
    Optional<CertificationResult> result =
        seeded.core().funderFacts().certification(manager, seeded.cohort().id(), seeded.ada().id());
    String body =
        "declaredOn="
            + joined
            + "&sex=MALE&birthDate=1970-01-01&diplomaLevel=0&qpv=false&neet=false&jobseeker=false";

    PlatformSession trainer =
        PlatformSession.launch(
            platform, "s-trainer-facts", "course-hopper", PageBrowser.ltiRole(Role.TRAINER));
    assertThat(trainer.get("app/school/funder?school=" + school).statusCode()).isEqualTo(403);
    assertThat(
            trainer.get("app/school/learners/" + learner + "/facts?school=" + school).statusCode())
        .isEqualTo(403);
    assertThat(
            trainer
                .post(
                    "app/home", "app/school/learners/" + learner + "/facts?school=" + school, body)
                .statusCode())
        .isEqualTo(403);

    PlatformSession other =
        PlatformSession.launch(
            platform, "s-manager-93", "course-bobigny", PageBrowser.ltiRole(Role.MANAGER));
    HttpResponse<String> page =
        other.get("app/school/learners/" + learner + "/facts?school=" + school);
    assertThat(page.statusCode()).isEqualTo(403);
    // the page's main content only: the head's stylesheet address carries a content hash, whose
    // digits may happen to read 1990
    String refused = page.body().substring(page.body().indexOf("<main"));
    assertThat(refused).doesNotContain("1990").doesNotContain("Lovelace");
    assertThat(other.get("app/school/funder?school=" + school).body()).doesNotContain("Lovelace");
    assertThat(
            other
                .post(
                    "app/school/thresholds",
                    "app/school/learners/" + learner + "/facts?school=" + school,
                    body)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            other
                .post(
                    "app/school/thresholds",
                    "app/school/learners/" + learner + "/certification?school=" + school,
                    "sessionOn=" + seeded.today() + "&outcome=FAILED")
                .statusCode())
        .isEqualTo(403);
    // in their own school, the learner is not theirs
    assertThat(other.get("app/school/learners/" + learner + "/facts").statusCode()).isEqualTo(404);

    assertThat(seeded.core().funderFacts().facts(manager, seeded.cohort().id(), seeded.ada().id()))
        .isEqualTo(facts);
    assertThat(
            seeded
                .core()
                .funderFacts()
                .certification(manager, seeded.cohort().id(), seeded.ada().id()))
        .isEqualTo(result);
  }

  private static FunderFacts facts() {
    return seeded
        .core()
        .funderFacts()
        .facts(manager, seeded.cohort().id(), seeded.ada().id())
        .orElseThrow();
  }

  private static GenIndicators gen(int year) {
    return seeded
        .core()
        .reports()
        .genIndicators(manager, new ReportScope.OfSchool(seeded.cohort().school()), year);
  }

  /** Sets a date field's value as a picker would (typing into a date input depends on locale). */
  private static void type(PageBrowser browser, String id, String value) {
    WebElement input = browser.driver().findElement(By.id(id));
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = arguments[1];", input, value);
  }

  private static void wait(PageBrowser browser, By what) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(what));
  }
}

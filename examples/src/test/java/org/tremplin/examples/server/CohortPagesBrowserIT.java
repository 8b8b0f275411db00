package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tremplin.api.access.Role;

/**
 * The trainer's cohort pages and the learner's path in a real browser (issue 12, items 5, 6, 8):
 * launched from the simulated LMS, in French and English, at 1280 px and 390 px; axe-core finds no
 * violation on any page; a trainer records an assessment through the form (keyboard for the
 * choices) and the learner sees it on their path after a reload; every page is screenshotted into
 * {@code docs/screenshots/}.
 */
class CohortPagesBrowserIT {
  private static LtiTestPlatform platform;
  private static PageBrowser.Desk desk;
  private static CohortPagesIT.Seeded seeded;

  @BeforeAll
  static void start() throws Exception {
    PageBrowser.assumeChromium();
    platform = new LtiTestPlatform("cohort-pages-browser-it");
    seeded = CohortPagesIT.seed(platform);
    desk = PageBrowser.desk(platform, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aTrainerRecordsAnAssessmentAndTheLearnerSeesItOnTheirPathAfterAReload() {
    try (PageBrowser learner = PageBrowser.open(PageBrowser.DESKTOP);
        PageBrowser trainer = PageBrowser.open(PageBrowser.DESKTOP)) {
      URI path = learner.launch(desk, "s-ada", "course-hopper", Role.LEARNER, "fr");
      assertThat(path.getPath()).isEqualTo("/app/home"); // the learner's home is their path
      assertThat(status(learner, "competency-CP4")).isEqualTo("NOT_STARTED");

      trainer.launch(desk, "s-trainer", "course-hopper", Role.TRAINER, "fr");
      trainer.driver().findElement(By.linkText("Ouvrir la promotion")).click();
      trainer.driver().findElement(By.linkText("Enregistrer une évaluation")).click();
      WebElement ada = trainer.driver().findElement(By.id("learner-" + seeded.ada().id().value()));
      ada.sendKeys(Keys.SPACE); // keyboard: a checkbox ticks with the space bar
      new Select(trainer.driver().findElement(By.id("target"))).selectByValue("CP4");
      trainer.driver().findElement(By.id("result-ACQUIRED")).sendKeys(Keys.SPACE);
      trainer.driver().findElement(By.id("comment")).sendKeys("Interface dynamique livrée");
      trainer.driver().findElement(By.cssSelector("form button[type=submit]")).click();

      new WebDriverWait(trainer.driver(), Duration.ofSeconds(20))
          .until(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
      assertThat(trainer.driver().findElement(By.id("recorded")).getText())
          .contains("Évaluation enregistrée pour 1");
      trainer.assertNoAxeViolations();
      trainer.screenshot("cohort-assessment-recorded-fr-1280");

      learner.driver().navigate().refresh();
      assertThat(status(learner, "competency-CP4")).isEqualTo("ACQUIRED");
      assertThat(learner.source()).contains("Dernière preuve le");
    }
  }

  @Test
  void everyPageOfTheTrainerAndTheLearnerPassesAxeInBothLanguagesAtBothWidths() {
    String cohort = "/app/cohorts/" + seeded.cohort().id().value();
    List<String[]> pages =
        List.of(
            new String[] {"cohort-roster", cohort},
            new String[] {"cohort-grid", cohort + "/grid"},
            new String[] {"cohort-calendar", cohort + "/calendar"},
            new String[] {"cohort-assessment", cohort + "/assessments/new"},
            new String[] {"cohort-add-learner", cohort + "/learners/new"},
            new String[] {
              "cohort-learner-file", cohort + "/learners/" + seeded.grace().id().value()
            });
    for (String language : List.of("fr", "en")) {
      for (int width : new int[] {PageBrowser.DESKTOP, PageBrowser.PHONE}) {
        try (PageBrowser trainer = PageBrowser.open(width)) {
          URI home = trainer.launch(desk, "s-trainer", "course-hopper", Role.TRAINER, language);
          String token = home.getRawQuery();
          for (String[] page : pages) {
            trainer.get(platform.base.resolve(page[1] + "?" + token));
            assertThat(trainer.source()).as(page[0]).contains("lang=\"" + language + "\"");
            trainer.assertNoAxeViolations();
            trainer.screenshot(page[0] + "-" + language + "-" + width);
          }
          // a refused form: the summary and each error next to its field, axe still clean
          trainer.get(platform.base.resolve(cohort + "/assessments/new?" + token));
          trainer.driver().findElement(By.cssSelector("form button[type=submit]")).click();
          new WebDriverWait(trainer.driver(), Duration.ofSeconds(20))
              .until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
          new WebDriverWait(trainer.driver(), Duration.ofSeconds(5))
              .until(d -> "error-summary".equals(d.switchTo().activeElement().getAttribute("id")));
          assertThat(trainer.driver().switchTo().activeElement().getAttribute("id"))
              .isEqualTo("error-summary");
          trainer.assertNoAxeViolations();
          trainer.screenshot("cohort-assessment-errors-" + language + "-" + width);
        }
        try (PageBrowser learner = PageBrowser.open(width)) {
          learner.launch(desk, "s-grace", "course-hopper", Role.LEARNER, language);
          assertThat(learner.source()).contains("id=\"timeline\"");
          learner.assertNoAxeViolations();
          learner.screenshot("learner-path-" + language + "-" + width);
        }
      }
    }
    try (PageBrowser left = PageBrowser.open(PageBrowser.PHONE)) {
      left.launch(desk, "s-linus", "course-hopper", Role.LEARNER, "fr");
      assertThat(left.source()).contains("id=\"left\"");
      left.assertNoAxeViolations();
      left.screenshot("learner-path-left-fr-390");
    }
  }

  @Test
  void theGridScrollsSidewaysOnAPhoneWithTheNamesStaying() {
    try (PageBrowser trainer = PageBrowser.open(PageBrowser.PHONE)) {
      URI home = trainer.launch(desk, "s-trainer", "course-hopper", Role.TRAINER, "fr");
      trainer.get(
          platform.base.resolve(
              "/app/cohorts/" + seeded.cohort().id().value() + "/grid?" + home.getRawQuery()));
      Object pageWidth =
          ((org.openqa.selenium.JavascriptExecutor) trainer.driver())
              .executeScript("return document.documentElement.scrollWidth;");
      assertThat(((Number) pageWidth).intValue()).isLessThanOrEqualTo(PageBrowser.PHONE);
      WebElement region = trainer.driver().findElement(By.cssSelector(".table-scroll"));
      assertThat(region.getAttribute("tabindex")).isEqualTo("0");
      assertThat(
              trainer
                  .driver()
                  .findElement(By.cssSelector("tbody th.sticky"))
                  .getCssValue("position"))
          .isEqualTo("sticky");
    }
  }

  private static String status(PageBrowser browser, String id) {
    return browser.driver().findElement(By.id(id)).getAttribute("data-status");
  }
}

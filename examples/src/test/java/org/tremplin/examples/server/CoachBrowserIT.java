package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.PlatformUser;
import org.tremplin.testing.MutableClock;

/**
 * The coach's pages in a real browser (issue 13, items 2 and 6): launched from the simulated LMS as
 * a coach, the caseload opens the learner's file; a meeting recorded with a note and a confidential
 * note is shown again after a reload, the confidential note marked "Confidentiel"; the manager of
 * the school, launched in their own browser, reads the same file with the note withheld (its text
 * is nowhere in their page). At 1280 and 390 px, axe-core finds nothing on any of these pages;
 * screenshots go to {@code docs/screenshots/}. Skipped without Chromium.
 */
class CoachBrowserIT {
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:30:00Z"));
  private static LtiTestPlatform platform;
  private static PageBrowser.Desk desk;
  private static Tremplin core;
  private static Cohort cohort;
  private static Actor manager;
  private static Learner grace;

  @BeforeAll
  static void start() throws Exception {
    PageBrowser.assumeChromium();
    platform = new LtiTestPlatform("coach-browser-it", lms -> Map.of(), clock);
    core = platform.tremplin.feature().tremplin();
    LtiTestPlatform.Seeded seeded = platform.seedCohort("Promo DWWM Montreuil", "s-ada");
    cohort = seeded.cohort();
    manager = seeded.manager();
    grace = core.learners().register(manager, seeded.school().id(), "Grace", "Hopper");
    core.learners().join(manager, cohort.id(), grace.id(), LocalDate.of(2025, 9, 1));
    for (String coach : new String[] {"fr-1280", "en-390"}) {
      platform
          .tremplin
          .feature()
          .directory()
          .linkPerson(
              new PlatformUser(platform.issuer, LtiTestPlatform.CLIENT_ID, "s-coach-" + coach),
              "cip-" + coach);
    }
    platform.linkCourse("course-1", cohort);
    desk = PageBrowser.desk(platform, clock);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aCoachRecordsAMeetingInFrenchOnADesktopAndTheManagerSeesTheNoteWithheld() {
    recordAndReadBack(PageBrowser.DESKTOP, "fr");
  }

  @Test
  void aCoachRecordsAMeetingInEnglishOnAPhoneAndTheManagerSeesTheNoteWithheld() {
    recordAndReadBack(PageBrowser.PHONE, "en");
  }

  private void recordAndReadBack(int width, String lang) {
    String suffix = lang + "-" + width;
    core.referents().assign(manager, grace.id(), "cip-" + suffix, LocalDate.of(2026, 3, 10));
    String secret = "Dette de loyer " + suffix + ", à ne pas évoquer en groupe";
    URI file;
    try (PageBrowser browser = PageBrowser.open(width)) {
      URI landed = browser.launch(desk, "s-coach-" + suffix, "course-1", Role.COACH, lang);
      WebDriver d = browser.driver();
      assertThat(landed.getPath()).isEqualTo("/app/caseload");
      waitFor(d, "caseload");
      assertThat(d.findElement(By.id("learner-" + grace.id().value())).getText())
          .contains("Grace Hopper");
      browser.assertNoAxeViolations();
      browser.screenshot("coach-caseload-" + suffix);

      d.findElement(By.cssSelector("#learner-" + grace.id().value() + " a")).click();
      waitFor(d, "record-meeting");
      file = browser.address();
      browser.assertNoAxeViolations();
      browser.screenshot("coach-file-" + suffix);

      d.findElement(By.id("meeting-note")).sendKeys("Point sur le logement");
      d.findElement(By.id("meeting-confidential")).sendKeys(secret);
      click(d, "save-meeting");
      waitFor(d, "past");
      d.navigate().refresh();
      waitFor(d, "past");
      WebElement past = d.findElement(By.id("past"));
      assertThat(past.getText())
          .contains("Point sur le logement")
          .contains(secret)
          .contains(lang.equals("fr") ? "Confidentiel" : "Confidential");
      browser.assertNoAxeViolations();
      browser.screenshot("coach-file-recorded-" + suffix);
    }
    try (PageBrowser browser = PageBrowser.open(width)) {
      URI landed = browser.launch(desk, "s-manager-" + suffix, "course-1", Role.MANAGER, lang);
      Matcher token = Pattern.compile("session=([^&]+)").matcher(landed.toString());
      assertThat(token.find()).isTrue();
      browser.get(
          URI.create(file.toString().replaceFirst("session=[^&]+", "session=" + token.group(1))));
      WebDriver d = browser.driver();
      waitFor(d, "past");
      assertThat(d.findElement(By.id("past")).getText())
          .contains("Point sur le logement")
          .contains(
              lang.equals("fr")
                  ? "1 note confidentielle (réservée au référent)"
                  : "1 confidential note (for the referent coach only)");
      assertThat(browser.source())
          .doesNotContain("Dette de loyer")
          .doesNotContain("ne pas évoquer");
      assertThat(d.findElements(By.id("meeting-confidential"))).isEmpty();
      browser.assertNoAxeViolations();
      browser.screenshot("coach-file-manager-" + suffix);
    }
  }

  private static void click(WebDriver d, String id) {
    WebElement e = d.findElement(By.id(id));
    ((org.openqa.selenium.JavascriptExecutor) d)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
    e.click();
  }

  private static void waitFor(WebDriver d, String id) {
    new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(20))
        .until(x -> !x.findElements(By.id(id)).isEmpty());
  }
}

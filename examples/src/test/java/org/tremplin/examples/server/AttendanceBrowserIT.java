package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.tremplin.api.CohortId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.MutableClock;

/**
 * The trainer's attendance sheet in a real browser (issue 12, items 5, 6, 8): launched from the
 * simulated LMS as a trainer, the home page's link leads to the sheet; everyone present but one
 * absence, saved, shown again after a reload; a mark corrected with a reason (refused without one),
 * and the history shows who, when and why. In French and English, at 1280 and 390 px, axe-core
 * finds nothing on any of these pages; screenshots go to {@code docs/screenshots/}. The keyboard
 * alone does the whole sheet. Skipped without Chromium.
 */
class AttendanceBrowserIT {
  private static final MutableClock clock =
      new MutableClock(Instant.parse("2026-03-10T08:30:00Z"), ZoneId.of("Europe/Paris"));
  private static LtiTestPlatform platform;
  private static PageBrowser.Desk desk;
  private static Tremplin core;
  private static CohortId cohort;
  private static Actor manager;
  private static Learner bob;

  @BeforeAll
  static void start() throws Exception {
    PageBrowser.assumeChromium();
    platform = new LtiTestPlatform("attendance-browser-it", lms -> Map.of(), clock);
    core = platform.tremplin.feature().tremplin();
    LtiTestPlatform.Seeded seeded = platform.seedCohort("Promo DWWM Saint-Denis", "s-ada");
    cohort = seeded.cohort().id();
    manager = seeded.manager();
    for (String[] name :
        new String[][] {
          {"Bilal", "Benali"}, {"Chloé", "Nguyen"}, {"Moussa", "Diallo"}, {"Inès", "Ferreira"}
        }) {
      Learner l = core.learners().register(manager, seeded.school().id(), name[0], name[1]);
      core.learners().join(manager, cohort, l.id(), LocalDate.of(2025, 9, 1));
      if (name[0].equals("Bilal")) {
        bob = l;
      }
    }
    platform.linkCourse("course-1", seeded.cohort());
    desk = PageBrowser.desk(platform, clock);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aTrainerTakesTheAttendanceInFrenchOnADesktop() {
    clock.set(Instant.parse("2026-03-10T08:30:00Z")); // Tuesday morning
    takeAttendanceAndCorrect(PageBrowser.DESKTOP, "fr", true);
  }

  @Test
  void aTrainerTakesTheAttendanceInEnglishOnAPhone() {
    clock.set(Instant.parse("2026-03-10T13:30:00Z")); // Tuesday afternoon
    takeAttendanceAndCorrect(PageBrowser.PHONE, "en", true);
  }

  @Test
  void aTrainerTakesTheAttendanceInFrenchOnAPhone() {
    clock.set(Instant.parse("2026-03-11T08:30:00Z")); // Wednesday morning
    takeAttendanceAndCorrect(PageBrowser.PHONE, "fr", false);
  }

  @Test
  void aTrainerTakesTheAttendanceInEnglishOnADesktop() {
    clock.set(Instant.parse("2026-03-11T13:30:00Z")); // Wednesday afternoon
    takeAttendanceAndCorrect(PageBrowser.DESKTOP, "en", false);
  }

  @Test
  void theKeyboardAloneTakesTheAttendance() {
    clock.set(Instant.parse("2026-03-12T08:30:00Z")); // Thursday morning
    try (PageBrowser browser = PageBrowser.open(PageBrowser.DESKTOP)) {
      browser.launch(desk, "s-trainer-keys", "course-1", Role.TRAINER, "fr");
      WebDriver d = browser.driver();
      tabTo(d, "attendance-link");
      new Actions(d).sendKeys(Keys.ENTER).perform();
      waitFor(d, "sheet-title");

      tabTo(d, "mark-" + bob.id().value());
      // a radio group is one Tab stop: the arrow keys choose within it (native radio buttons);
      // the usual marks come first (present, late, absent), the rarer ones behind "Autre motif"
      new Actions(d)
          .sendKeys(Keys.ARROW_RIGHT)
          .sendKeys(Keys.ARROW_RIGHT)
          .sendKeys(Keys.SPACE)
          .perform();
      assertThat(
              d.findElement(By.id("mark-" + bob.id().value() + "-ABSENT_UNJUSTIFIED")).isSelected())
          .isTrue();
      tabTo(d, "save");
      new Actions(d).sendKeys(Keys.ENTER).perform();
      waitFor(d, "recorded");

      assertThat(marks(HalfDay.am(LocalDate.of(2026, 3, 12))))
          .containsEntry(bob.displayName(), AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED))
          .hasSize(5);
    }
  }

  private void takeAttendanceAndCorrect(int width, String lang, boolean screenshots) {
    String suffix = "-" + lang + "-" + width;
    try (PageBrowser browser = PageBrowser.open(width)) {
      browser.launch(desk, "s-trainer" + suffix, "course-1", Role.TRAINER, lang);
      WebDriver d = browser.driver();
      d.findElement(By.id("attendance-link")).click();
      waitFor(d, "sheet-title");
      HalfDay halfDay = clockHalfDay();
      browser.assertNoAxeViolations();
      shot(browser, screenshots, "attendance-sheet" + suffix);

      // a first exception, then "everyone present" (the script) undoes it: then the real one
      click(d, "mark-" + bob.id().value() + "-LATE");
      assertThat(d.findElement(By.id("late-" + bob.id().value())).isDisplayed()).isTrue();
      click(d, "all-present");
      assertThat(d.findElement(By.id("mark-" + bob.id().value())).isSelected()).isTrue();
      click(d, "mark-" + bob.id().value() + "-ABSENT_UNJUSTIFIED");
      click(d, "save");
      waitFor(d, "recorded");

      d.navigate().refresh();
      waitFor(d, "recorded");
      assertThat(d.findElement(By.id("recorded-" + bob.id().value())).getText())
          .contains(lang.equals("fr") ? "Absent·e non justifié·e" : "Absent, unjustified");
      assertThat(d.findElements(By.cssSelector("input[type=radio]"))).isEmpty();
      assertThat(marks(halfDay))
          .hasSize(5)
          .containsEntry(bob.displayName(), AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED));
      browser.assertNoAxeViolations();
      shot(browser, screenshots, "attendance-sheet-recorded" + suffix);

      d.findElement(By.cssSelector("#recorded-" + bob.id().value() + " a")).click();
      waitFor(d, "history");
      click(d, "mark-ABSENT_JUSTIFIED");
      click(d, "save-correction");
      waitFor(d, "error-summary");
      browser.assertNoAxeViolations();
      shot(browser, screenshots, "attendance-correction-error" + suffix);

      d.findElement(By.id("reason")).sendKeys("Justificatif reçu / note received");
      clickAndLoad(d, "save-correction"); // the page before has a history too
      waitFor(d, "history");
      String history = d.findElement(By.id("history")).getText();
      assertThat(history)
          .contains("User s-trainer" + suffix)
          .contains("Justificatif reçu / note received");
      assertThat(d.findElement(By.id("current")).getText())
          .contains(lang.equals("fr") ? "Absent·e justifié·e" : "Absent, justified");
      browser.assertNoAxeViolations();
      shot(browser, screenshots, "attendance-correction" + suffix);
      List<AttendanceRecord> versions =
          core.attendance().history(manager, cohort, bob.id(), halfDay);
      assertThat(versions).hasSize(2);
    }
  }

  private static HalfDay clockHalfDay() {
    java.time.ZonedDateTime paris = clock.instant().atZone(java.time.ZoneId.of("Europe/Paris"));
    return paris.getHour() < 13 ? HalfDay.am(paris.toLocalDate()) : HalfDay.pm(paris.toLocalDate());
  }

  private static Map<String, AttendanceMark> marks(HalfDay halfDay) {
    Map<String, AttendanceMark> marks = new java.util.HashMap<>();
    Map<org.tremplin.api.LearnerId, String> names = new java.util.HashMap<>();
    core.learners().learners(manager, cohort).forEach(l -> names.put(l.id(), l.displayName()));
    for (AttendanceRecord r :
        core.attendance().current(manager, cohort, DateRange.of(halfDay.date()))) {
      if (r.halfDay().equals(halfDay)) {
        marks.put(names.get(r.learner()), r.mark());
      }
    }
    return marks;
  }

  private static void click(WebDriver d, String id) {
    WebElement e = d.findElement(By.id(id));
    ((org.openqa.selenium.JavascriptExecutor) d)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
    e.click();
  }

  /** Clicks a control that submits its form, then waits until the next page replaced this one. */
  private static void clickAndLoad(WebDriver d, String id) {
    WebElement page = d.findElement(By.tagName("html"));
    click(d, id);
    // Chromium answers "stale element" or, mid-navigation, "node does not belong to the
    // document": either way the old page is gone
    new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(20))
        .until(
            x -> {
              try {
                page.isEnabled();
                return false;
              } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
              }
            });
  }

  private static void waitFor(WebDriver d, String id) {
    new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(20))
        .until(x -> !x.findElements(By.id(id)).isEmpty());
  }

  /** Presses Tab until the element with this id has the focus (at most 80 times). */
  private static void tabTo(WebDriver d, String id) {
    for (int i = 0; i < 80; i++) {
      new Actions(d).sendKeys(Keys.TAB).perform();
      if (id.equals(d.switchTo().activeElement().getAttribute("id"))) {
        return;
      }
    }
    throw new AssertionError("Tab never reached #" + id);
  }

  private static void shot(PageBrowser browser, boolean save, String name) {
    if (save) {
      browser.screenshot(name);
    }
  }
}

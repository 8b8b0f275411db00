package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.dashboard.CohortFigures;

/**
 * The manager's pages in a real browser (issue 13, items 3 and 6): launched from the simulated LMS
 * as a manager, the browser lands on the school's dashboard, whose figures are those the engine
 * computes; the CSV download of the table carries the same figures; the manager enrols a learner
 * through the form and sees them after a reload; axe-core finds no violation on any school page, in
 * French and English, at 1280 px and 390 px; every page is screenshotted into {@code
 * docs/screenshots/}.
 */
class ManagerBrowserIT {
  private static LtiTestPlatform platform;
  private static PageBrowser.Desk desk;
  private static CohortPagesIT.Seeded seeded;

  @BeforeAll
  static void start() throws Exception {
    PageBrowser.assumeChromium();
    platform = new LtiTestPlatform("manager-browser-it");
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
  void aManagerReadsTheEnginesFiguresDownloadsThemAndEnrolsALearnerSeenAfterAReload()
      throws Exception {
    Actor manager = Actor.of("engine", Role.MANAGER, new Scope.OfSchool(seeded.cohort().school()));
    String row = "cohort-" + seeded.cohort().id().value();
    try (PageBrowser browser = PageBrowser.open(PageBrowser.DESKTOP)) {
      URI landing = browser.launch(desk, "s-manager", "course-hopper", Role.MANAGER, "fr");
      assertThat(landing.getPath()).isEqualTo("/app/school");

      CohortFigures engine = seeded.core().dashboard().figures(manager, seeded.cohort().id());
      // WebDriver's text turns no-break spaces into spaces
      String cells = browser.driver().findElement(By.id(row)).getText().replace('\u00a0', ' ');
      assertThat(cells)
          .contains(engine.enrolled().count() + " / " + engine.cohort().capacity())
          .contains(
              percent(engine.recentAttendance().total().attendanceRate()).replace('\u00a0', ' '))
          .contains(
              percent(engine.attendanceSinceStart().total().attendanceRate())
                  .replace('\u00a0', ' '));
      assertThat(engine.enrolled().count()).isEqualTo(2);

      String csv = browser.driver().findElement(By.id("cohorts-csv")).getAttribute("href");
      HttpResponse<String> download = platform.browser().get(URI.create(csv));
      assertThat(download.headers().firstValue("Content-Type")).get().asString().contains("csv");
      assertThat(download.body())
          .contains(engine.cohort().name())
          .contains(engine.enrolled().count() + " / " + engine.cohort().capacity())
          .contains(percent(engine.recentAttendance().total().attendanceRate()));

      browser.driver().findElement(By.linkText("Ajouter un·e apprenant·e")).click();
      browser.driver().findElement(By.id("givenName")).sendKeys("Margaret");
      browser.driver().findElement(By.id("familyName")).sendKeys("Hamilton");
      new Select(browser.driver().findElement(By.id("cohort")))
          .selectByValue(seeded.cohort().id().value().toString());
      browser.driver().findElement(By.id("add-learner")).click();
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
          .until(ExpectedConditions.presenceOfElementLocated(By.id("count")));
      assertThat(browser.source()).contains("Margaret Hamilton");
      browser.assertNoAxeViolations();
      browser.screenshot("school-enrolled-fr-1280");

      browser.get(landing);
      browser.driver().navigate().refresh();
      assertThat(browser.driver().findElement(By.id(row)).getText()).contains("3 / 12");
    }
  }

  @Test
  void everySchoolPagePassesAxeInBothLanguagesAtBothWidths() {
    String cohort = "/app/school/cohorts/" + seeded.cohort().id().value();
    List<String[]> pages =
        List.of(
            new String[] {"school-dashboard", "/app/school"},
            new String[] {"school-figure-recent", cohort + "/recent"},
            new String[] {"school-figure-alerts", cohort + "/alerts"},
            new String[] {"school-exits", "/app/school/exits/emploi_durable"},
            new String[] {"school-open-cohort", "/app/school/cohorts/new"},
            new String[] {"school-add-learner", "/app/school/learners/new"},
            new String[] {"school-referents", "/app/school/referents"},
            new String[] {"school-funder", "/app/school/funder"},
            new String[] {"school-thresholds", "/app/school/thresholds"});
    for (String language : List.of("fr", "en")) {
      for (int width : new int[] {PageBrowser.DESKTOP, PageBrowser.PHONE}) {
        try (PageBrowser manager = PageBrowser.open(width)) {
          URI home = manager.launch(desk, "s-manager", "course-hopper", Role.MANAGER, language);
          String token = home.getRawQuery();
          for (String[] page : pages) {
            manager.get(platform.base.resolve(page[1] + "?" + token));
            assertThat(manager.source()).as(page[0]).contains("lang=\"" + language + "\"");
            Object scroll =
                ((org.openqa.selenium.JavascriptExecutor) manager.driver())
                    .executeScript("return document.documentElement.scrollWidth;");
            assertThat(((Number) scroll).intValue()).as(page[0]).isLessThanOrEqualTo(width);
            assertNavFits(manager, page[0], width);
            manager.assertNoAxeViolations();
            manager.screenshot(page[0] + "-" + language + "-" + width);
          }
          // a refused form: the summary and each error next to its field, axe still clean
          manager.get(platform.base.resolve("/app/school/cohorts/new?" + token));
          manager.driver().findElement(By.id("open-cohort")).click();
          new WebDriverWait(manager.driver(), Duration.ofSeconds(20))
              .until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
          manager.assertNoAxeViolations();
          manager.screenshot("school-open-cohort-errors-" + language + "-" + width);
        }
      }
    }
  }

  /**
   * The school's navigation shows its six entries, the current page's marked: on one line at 1280
   * px (every link at the same top), inside the window at 390 px (wrapped, none cut off).
   */
  @SuppressWarnings("unchecked")
  private static void assertNavFits(PageBrowser browser, String page, int width) {
    List<List<Number>> boxes =
        (List<List<Number>>)
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript(
                    "return [...document.querySelectorAll('nav.subnav a')].map(a => {"
                        + " const r = a.getBoundingClientRect();"
                        + " return [Math.round(r.top), Math.floor(r.left), Math.ceil(r.right),"
                        + " Math.round(r.height)]; });");
    assertThat(boxes).as(page + " nav links").hasSize(6);
    for (List<Number> box : boxes) {
      assertThat(box.get(1).intValue()).as(page + " nav link left").isNotNegative();
      assertThat(box.get(2).intValue()).as(page + " nav link right").isLessThanOrEqualTo(width);
      assertThat(box.get(3).intValue()).as(page + " nav link height").isGreaterThanOrEqualTo(44);
    }
    if (width == PageBrowser.DESKTOP) {
      assertThat(boxes.stream().map(b -> b.get(0).intValue()).distinct())
          .as(page + ": the navigation on one line at %d px", width)
          .hasSize(1);
    }
    if (!page.startsWith("school-figure") && !page.equals("school-exits")) {
      assertThat(browser.driver().findElements(By.cssSelector("nav.subnav a[aria-current=page]")))
          .as(page + ": the current page is marked")
          .hasSize(1);
    }
  }

  private static String percent(java.math.BigDecimal fraction) {
    NumberFormat format = NumberFormat.getPercentInstance(Locale.FRENCH);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    return format.format(fraction);
  }
}

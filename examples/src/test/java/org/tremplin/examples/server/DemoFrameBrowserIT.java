package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tremplin.examples.demo.DemoServer;
import org.tremplin.testing.Loopback;
import org.tremplin.testing.MutableClock;
import org.tremplin.web.config.TremplinConfig;

/**
 * A trainer's task end to end as the demo shows it: the demo LMS's course page embeds Tremplin in
 * its iframe ("Ouvrir ici"), and inside that frame the trainer opens today's sheet from the home
 * page, marks one learner absent and another on sick leave (a rarer mark, behind "Autre motif"),
 * and saves; the recorded list says so. On a phone the sheet is one compact row per learner, with
 * the save button in view without scrolling; nothing overflows the frame; axe-core finds nothing
 * inside the frame.
 */
class DemoFrameBrowserIT {
  @TempDir static Path data;

  private static final MutableClock clock =
      new MutableClock(Instant.parse("2026-03-10T08:30:00Z")); // a Tuesday morning in Paris

  private static DemoServer demo;
  private static URI base;

  @BeforeAll
  static void startDemo() {
    PageBrowser.assumeChromium();
    int port = Loopback.freePort();
    base = URI.create("http://localhost:" + port + "/");
    demo =
        DemoServer.start(
            new TremplinConfig(
                base,
                new TremplinConfig.HttpConfig("127.0.0.1", port),
                List.of(),
                TremplinConfig.DEFAULT_CLOCK_SKEW,
                new TremplinConfig.DataSourceConfig(
                    "jdbc:h2:file:" + data.resolve("tremplin"), "sa", "")),
            data,
            clock);
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void aTrainerMarksTodaysSheetInsideTheCoursePagesFrameOnADesktop() {
    clock.set(Instant.parse("2026-03-11T08:30:00Z")); // Wednesday morning
    markTodaysSheet(PageBrowser.DESKTOP, "fr");
  }

  @Test
  void aTrainerMarksTodaysSheetInsideTheCoursePagesFrameOnAPhone() {
    clock.set(Instant.parse("2026-03-12T12:30:00Z")); // Thursday afternoon
    markTodaysSheet(PageBrowser.PHONE, "en");
  }

  private void markTodaysSheet(int width, String lang) {
    try (PageBrowser browser = PageBrowser.open(width)) {
      WebDriver d = browser.driver();
      browser.get(base.resolve("demo?lang=" + lang));
      click(d, "embed-trainer");
      d.switchTo().frame("tool");
      waitFor(d, "attendance-link");
      assertThat(d.findElement(By.id("attendance-link")).getAttribute("class"))
          .as("today's sheet is the trainer's main button")
          .contains("button");
      click(d, "attendance-link");
      waitFor(d, "sheet");

      List<WebElement> rows = d.findElements(By.cssSelector("#sheet fieldset.learner"));
      assertThat(rows).hasSizeGreaterThan(3);
      assertThat(js(d, "return document.documentElement.scrollWidth <= innerWidth"))
          .as("nothing overflows the frame")
          .isEqualTo(true);
      assertThat(js(d, "return document.getElementById('save').getBoundingClientRect().bottom"))
          .as("the save button is in view before any scrolling (it sticks to the bottom)")
          .satisfies(
              bottom ->
                  assertThat(((Number) bottom).doubleValue())
                      .isLessThanOrEqualTo(
                          ((Number) js(d, "return innerHeight")).doubleValue() + 0.5));
      if (width == PageBrowser.PHONE) {
        for (WebElement row : rows) {
          assertThat(row.getSize().getHeight())
              .as("one compact row per learner on a phone")
              .isLessThan(120);
        }
      }
      browser.assertNoAxeViolations();

      String absent = rows.get(1).getAttribute("id").substring("learner-".length());
      String sick = rows.get(2).getAttribute("id").substring("learner-".length());
      click(d, "mark-" + absent + "-ABSENT_UNJUSTIFIED");
      d.findElement(By.cssSelector("#learner-" + sick + " details.more summary")).click();
      click(d, "mark-" + sick + "-SICK_LEAVE");
      click(d, "save");
      waitFor(d, "recorded");

      assertThat(d.findElement(By.id("recorded-" + absent)).getText())
          .contains(lang.equals("fr") ? "Absent·e non justifié·e" : "Absent, unjustified");
      assertThat(d.findElement(By.id("recorded-" + sick)).getText())
          .contains(lang.equals("fr") ? "Arrêt maladie" : "Sick leave");
      assertThat(d.findElements(By.cssSelector("#sheet input[type=radio]"))).isEmpty();
      browser.assertNoAxeViolations();
    }
  }

  @Test
  void aManagerAnswersAnErasureRequestInsideTheCoursePagesFrameOnADesktop() {
    answerAnErasureRequest(PageBrowser.DESKTOP, "fr", "Données financeurs", "Référent·es");
  }

  @Test
  void aManagerAnswersAnErasureRequestInsideTheCoursePagesFrameOnAPhone() {
    answerAnErasureRequest(PageBrowser.PHONE, "en", "Funder facts", "Referent coaches");
  }

  /**
   * The manager's task inside the frame: the referents page, then a learner's personal data from
   * the funder list (two clicks), the export link, and the anonymisation confirmed by the family
   * name; after a reload the learner shows as erased.
   */
  private void answerAnErasureRequest(int width, String lang, String funder, String referents) {
    clock.set(Instant.parse("2026-03-13T09:30:00Z")); // Friday morning
    try (PageBrowser browser = PageBrowser.open(width)) {
      WebDriver d = browser.driver();
      browser.get(base.resolve("demo?lang=" + lang));
      click(d, "embed-manager");
      d.switchTo().frame("tool");
      new WebDriverWait(d, Duration.ofSeconds(20))
          .until(x -> !x.findElements(By.linkText(referents)).isEmpty());
      d.findElement(By.linkText(referents)).click();
      waitFor(d, "referent-form");
      assertThat(js(d, "return document.documentElement.scrollWidth <= innerWidth"))
          .as("the referents page fits the frame")
          .isEqualTo(true);
      browser.assertNoAxeViolations();
      browser.screenshot("frame-referents-" + lang + "-" + width);

      d.findElement(By.linkText(funder)).click();
      WebElement privacy =
          new WebDriverWait(d, Duration.ofSeconds(20))
              .until(
                  x ->
                      x.findElements(By.cssSelector("a[href*='/privacy']")).stream()
                          .filter(
                              a ->
                                  !a.findElement(By.xpath("ancestor::tr"))
                                      .getText()
                                      .contains("[effacé]"))
                          .findFirst()
                          .orElse(null));
      String row = privacy.findElement(By.xpath("ancestor::tr")).getAttribute("id");
      ((JavascriptExecutor) d).executeScript("arguments[0].click();", privacy);
      waitFor(d, "trail-table");
      assertThat(d.findElement(By.id("export")).getAttribute("href")).contains("/privacy/export?");
      String trail = d.findElement(By.id("trail-table")).getText();
      assertThat(trail).as("Tremplin's own actors in words").doesNotContain("system:alerts");
      if (width
          == PageBrowser.DESKTOP) { // the first learner, absent this week: alerts read her file
        assertThat(trail).contains("Tremplin (alertes automatiques)");
      }
      assertThat(js(d, "return document.documentElement.scrollWidth <= innerWidth"))
          .as("the personal-data page fits the frame")
          .isEqualTo(true);
      browser.assertNoAxeViolations();
      browser.screenshot("frame-privacy-" + lang + "-" + width);

      click(d, "erase");
      waitFor(d, "erase-form");
      String label = d.findElement(By.cssSelector("label[for=confirmation]")).getText();
      String familyName = label.substring(label.lastIndexOf(':') + 1).strip();
      browser.assertNoAxeViolations();
      browser.screenshot("frame-privacy-erase-" + lang + "-" + width);
      d.findElement(By.id("confirmation")).sendKeys(familyName);
      click(d, "confirm-erase");
      waitFor(d, "done");
      browser.assertNoAxeViolations();

      js(d, "location.reload()"); // the frame's own page, as a reload inside the LMS would
      waitFor(d, "done");
      click(d, "back");
      waitFor(d, row);
      assertThat(d.findElement(By.id(row)).getText()).contains("[effacé]");
    }
  }

  private static Object js(WebDriver d, String script) {
    return ((JavascriptExecutor) d).executeScript(script);
  }

  private static void click(WebDriver d, String id) {
    WebElement e = d.findElement(By.id(id));
    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
    e.click();
  }

  private static void waitFor(WebDriver d, String id) {
    new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> !x.findElements(By.id(id)).isEmpty());
  }
}

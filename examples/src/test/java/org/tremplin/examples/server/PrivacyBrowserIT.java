package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.tremplin.lti.identity.PlatformUser;

/**
 * A learner's personal data from the manager's pages in a real browser after a real launch: the
 * manager goes from the school to "Données financeurs", opens Grace's personal data (two clicks),
 * sees the coach's read of her file in the audit trail, fetches the export the link points to (a
 * JSON document), anonymises her after a wrong then the right confirmation, and after a reload
 * finds her as "[effacé]" in the list. axe-core finds no violation on any page, at 1280 px and 390
 * px, in French and English, and no page scrolls sideways.
 */
class PrivacyBrowserIT {
  private static LtiTestPlatform platform;
  private static PageBrowser.Desk desk;
  private static CohortPagesIT.Seeded seeded;
  private static Actor manager;

  @BeforeAll
  static void start() throws Exception {
    PageBrowser.assumeChromium();
    platform = new LtiTestPlatform("privacy-browser-it");
    seeded = CohortPagesIT.seed(platform);
    desk = PageBrowser.desk(platform, Clock.systemUTC());
    manager = Actor.of("engine", Role.MANAGER, new Scope.OfSchool(seeded.cohort().school()));
    platform
        .tremplin
        .feature()
        .directory()
        .linkPerson(new PlatformUser(platform.issuer, LtiTestPlatform.CLIENT_ID, "s-cip"), "cip-1");
    seeded.core().referents().assign(manager, seeded.grace().id(), "cip-1", seeded.today());
    // the coach opens Tremplin and reads Grace's file: a line of her audit trail
    LtiTestPlatform.Browser coach = platform.browser().speaking("fr");
    HttpResponse<String> launch =
        coach.launch("s-cip", "course-hopper", List.of(PageBrowser.ltiRole(Role.COACH)));
    Matcher token =
        Pattern.compile("session=([^&]+)")
            .matcher(launch.headers().firstValue("Location").orElseThrow());
    assertThat(token.find()).isTrue();
    String session =
        "session="
            + URLEncoder.encode(
                URLDecoder.decode(token.group(1), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    coach.get(platform.base.resolve("app/home?" + session));
    assertThat(
            coach
                .get(
                    platform.base.resolve(
                        "app/coach/learners/" + seeded.grace().id().value() + "?" + session))
                .statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void theManagerFindsTheTrailDownloadsTheExportAndAnonymisesGraceAfterConfirming()
      throws Exception {
    String grace = seeded.grace().id().value().toString();
    try (PageBrowser browser = PageBrowser.open(PageBrowser.DESKTOP)) {
      URI landing = browser.launch(desk, "s-manager", "course-hopper", Role.MANAGER, "fr");
      assertThat(landing.getPath()).isEqualTo("/app/school");
      browser.driver().findElement(By.linkText("Données financeurs")).click();
      wait(browser, By.id("learner-" + grace));
      browser
          .driver()
          .findElement(By.cssSelector("#learner-" + grace + " a[href*='/privacy']"))
          .click();
      wait(browser, By.id("trail-table"));
      assertThat(browser.driver().findElement(By.tagName("h1")).getText())
          .isEqualTo("Données personnelles de Grace Hopper");
      String trail = browser.driver().findElement(By.id("trail-table")).getText();
      assertThat(trail).contains("User s-cip").contains("Lecture").contains("Journal des accès");
      browser.assertNoAxeViolations();
      browser.screenshot("school-privacy-fr-1280");

      // the export link: a download of the JSON document with Grace's sections
      WebElement export = browser.driver().findElement(By.id("export"));
      assertThat(export.getAttribute("download")).isNotNull();
      assertThat(export.getText()).isEqualTo("Télécharger l'export (JSON)");
      // (the page's CSP allows no script to fetch it: the test asks for it over HTTP)
      HttpResponse<String> fetched =
          platform.browser().get(URI.create(export.getAttribute("href")));
      assertThat(fetched.statusCode()).isEqualTo(200);
      assertThat(fetched.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/json");
      assertThat(fetched.headers().firstValue("Content-Disposition").orElseThrow())
          .isEqualTo("attachment; filename=\"donnees-personnelles-" + grace + ".json\"");
      assertThat(fetched.body()).contains("\"familyName\" : \"Hopper\"").contains("\"attendance\"");

      browser.driver().findElement(By.id("erase")).click();
      wait(browser, By.id("erase-form"));
      assertThat(browser.driver().findElement(By.id("warning")).getText()).contains("définitive");
      browser.assertNoAxeViolations();
      browser.screenshot("school-privacy-erase-fr-1280");

      // a wrong name: refused, said in the summary and next to the field, nothing changed
      type(browser, "Lovelace");
      browser.driver().findElement(By.id("confirm-erase")).click();
      wait(browser, By.id("error-summary"));
      assertThat(browser.driver().findElement(By.id("error-summary")).getText())
          .contains("n'est pas « Hopper »");
      assertThat(browser.driver().findElement(By.id("confirmation")).getAttribute("value"))
          .isEqualTo("Lovelace");
      browser.assertNoAxeViolations();
      browser.screenshot("school-privacy-erase-errors-fr-1280");
      assertThat(seeded.core().learners().get(manager, seeded.grace().id()).familyName())
          .isEqualTo("Hopper");

      type(browser, "hopper");
      browser.driver().findElement(By.id("confirm-erase")).click();
      wait(browser, By.id("done"));
      assertThat(browser.driver().findElement(By.tagName("h1")).getText())
          .isEqualTo("Personne anonymisée");
      assertThat(browser.driver().findElement(By.id("changed")).getText())
          .contains("Prénom et nom")
          .contains("Comptes LMS");
      browser.assertNoAxeViolations();
      browser.screenshot("school-privacy-erased-fr-1280");

      browser.driver().navigate().refresh();
      wait(browser, By.id("done"));
      browser.driver().findElement(By.id("back")).click();
      wait(browser, By.id("learner-" + grace));
      assertThat(browser.driver().findElement(By.id("learner-" + grace)).getText())
          .contains("[effacé] [effacé]")
          .doesNotContain("Grace");
      browser
          .driver()
          .findElement(By.cssSelector("#learner-" + grace + " a[href*='/privacy']"))
          .click();
      wait(browser, By.id("erased"));
      assertThat(browser.driver().findElements(By.id("erase"))).isEmpty();
      assertThat(browser.driver().findElement(By.id("trail-table")).getText())
          .contains("Effacement")
          .contains("Anonymisation");
      browser.assertNoAxeViolations();
    }
    assertThat(seeded.core().learners().get(manager, seeded.grace().id()).familyName())
        .isEqualTo("[effacé]");
  }

  @Test
  void everyPagePassesAxeAtBothWidthsInBothLanguagesWithoutScrollingSideways() {
    String ada = "/app/school/learners/" + seeded.ada().id().value() + "/privacy";
    for (String language : List.of("fr", "en")) {
      for (int width : new int[] {PageBrowser.DESKTOP, PageBrowser.PHONE}) {
        try (PageBrowser browser = PageBrowser.open(width)) {
          URI home = browser.launch(desk, "s-manager", "course-hopper", Role.MANAGER, language);
          String token = home.getRawQuery();
          for (String path : List.of("/app/school/funder", ada, ada + "/erase")) {
            browser.get(platform.base.resolve(path + "?" + token));
            assertThat(browser.source()).contains("lang=\"" + language + "\"");
            fits(browser, path, width);
            browser.assertNoAxeViolations();
            String name = path.endsWith("/erase") ? "erase" : path.endsWith("funder") ? "list" : "";
            if (!name.isEmpty() || path.endsWith("/privacy")) {
              browser.screenshot(
                  "school-privacy"
                      + (name.isEmpty() ? "" : "-" + name)
                      + "-"
                      + language
                      + "-"
                      + width);
            }
          }
          // an empty confirmation: the error, located, with axe still clean
          browser.driver().findElement(By.id("confirm-erase")).click();
          wait(browser, By.id("error-summary"));
          fits(browser, "errors", width);
          browser.assertNoAxeViolations();
          browser.screenshot("school-privacy-erase-errors-" + language + "-" + width);
        }
      }
    }
    assertThat(seeded.core().learners().get(manager, seeded.ada().id()).familyName())
        .isEqualTo("Lovelace");
  }

  private static void fits(PageBrowser browser, String what, int width) {
    Object scroll =
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.documentElement.scrollWidth;");
    assertThat(((Number) scroll).intValue()).as(what).isLessThanOrEqualTo(width);
  }

  private static void type(PageBrowser browser, String text) {
    WebElement input = browser.driver().findElement(By.id("confirmation"));
    input.clear();
    input.sendKeys(text);
  }

  private static void wait(PageBrowser browser, By what) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(what));
  }
}

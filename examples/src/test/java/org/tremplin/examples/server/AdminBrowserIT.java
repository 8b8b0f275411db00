package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.registration.RegistrationStore;
import org.tremplin.testing.MutableClock;

/**
 * The administrator's page in a real browser (issue 13, items 4 and 6): launched from the simulated
 * LMS as its system administrator (the network's administrator), they bind a pending platform to
 * the school and import a programme template — a bad document first, its problems listed, then a
 * good one — and see each result after a reload. In French at 1280 px and English at 390 px,
 * axe-core finds nothing on any of these pages; screenshots go to {@code docs/screenshots/}.
 * Skipped without Chromium.
 */
class AdminBrowserIT {
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:30:00Z"));
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static LtiTestPlatform platform;
  private static PageBrowser.Desk desk;
  private static Tremplin core;
  private static School school;

  @BeforeAll
  static void start() throws Exception {
    PageBrowser.assumeChromium();
    platform = new LtiTestPlatform("admin-browser-it", lms -> Map.of(), clock);
    core = platform.tremplin.feature().tremplin();
    school =
        core.schools()
            .create(
                Actor.of("operator", Role.ADMIN, new Scope.Network()),
                "École du Web 93",
                new Departement("93"));
    desk = PageBrowser.desk(platform, clock);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aNetworkAdministratorBindsAPlatformAndImportsATemplateInFrenchOnADesktop() {
    bindAndImport(PageBrowser.DESKTOP, "fr");
  }

  @Test
  void aNetworkAdministratorBindsAPlatformAndImportsATemplateInEnglishOnAPhone() {
    bindAndImport(PageBrowser.PHONE, "en");
  }

  private void bindAndImport(int width, String lang) {
    String suffix = "-" + lang + "-" + width;
    String issuer = "https://moodle-" + lang + width + ".example";
    ((RegistrationStore) platform.tremplin.feature().registrations())
        .add(
            new PlatformRegistration(
                "Moodle " + lang + " " + width,
                issuer,
                "client-" + width,
                URI.create(issuer + "/auth"),
                URI.create(issuer + "/token"),
                URI.create(issuer + "/jwks"),
                Set.of("1"),
                false));
    try (PageBrowser browser = PageBrowser.open(width)) {
      browser.launch(desk, "s-admin" + suffix, "course-admin", AdminActionsIT.SYSTEM_ADMIN, lang);
      WebDriver d = browser.driver();
      waitFor(d, "platforms");
      assertThat(d.findElement(By.cssSelector("[data-role=ADMIN]")).getText())
          .contains(lang.equals("fr") ? "réseau" : "network");
      browser.assertNoAxeViolations();
      shot(browser, "admin" + suffix);

      // the pending platform: bound to the school from its own form
      WebElement bind =
          d.findElement(
              By.xpath("//form[.//input[@name='issuer' and @value='" + issuer + "']]//button"));
      bind.click();
      waitFor(d, "notice");
      d.navigate().refresh();
      waitFor(d, "platforms");
      assertThat(d.findElement(By.id("platforms")).getText())
          .contains("Moodle " + lang + " " + width)
          .contains(lang.equals("fr") ? "rattachée à l’école" : "bound to the school");
      assertThat(d.findElements(By.xpath("//input[@name='issuer' and @value='" + issuer + "']")))
          .isEmpty();
      assertThat(platform.tremplin.feature().directory().schoolOf(issuer, "client-" + width))
          .contains(school.id());
      browser.assertNoAxeViolations();

      // a template: a bad document, its problems listed and nothing stored; then a good one
      String id = "edw-93-" + lang + width;
      String good =
          core.templates()
              .exportJson(new TemplateRef("ecole-du-web", 1))
              .replace("\"ecole-du-web\"", "\"" + id + "\"");
      d.findElement(By.id("import-template")).click();
      waitFor(d, "document");
      paste(d, good.replace("\"CP5\"", "\"CP9\"").replace("\"FOUNDATION\"", "\"FOUNDATION\""));
      d.findElement(By.id("import")).click();
      waitFor(d, "error-summary");
      assertThat(d.findElement(By.id("problems")).getText()).contains("CP9");
      assertThat(core.templates().list()).noneMatch(r -> r.id().equals(id));
      browser.assertNoAxeViolations();
      shot(browser, "admin-template-errors" + suffix);

      paste(d, good);
      d.findElement(By.id("import")).click();
      waitFor(d, "notice");
      d.navigate().refresh();
      waitFor(d, "templates");
      assertThat(d.findElement(By.id("template-" + id)).getText()).contains(id);
      assertThat(core.templates().latest(id).phases())
          .isEqualTo(core.templates().get(new TemplateRef("ecole-du-web", 1)).phases());
      browser.assertNoAxeViolations();
      shot(browser, "admin-after" + suffix);
    }
  }

  private static void paste(WebDriver d, String text) {
    ((JavascriptExecutor) d)
        .executeScript("document.getElementById('document').value = arguments[0];", text);
  }

  private static void waitFor(WebDriver d, String id) {
    new WebDriverWait(d, WAIT).until(x -> !x.findElements(By.id(id)).isEmpty());
  }

  private static void shot(PageBrowser browser, String name) {
    browser.screenshot(name);
  }
}

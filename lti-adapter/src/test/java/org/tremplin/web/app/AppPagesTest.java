package org.tremplin.web.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.web.page.PageAssertions.HOSTILE;
import static org.tremplin.web.page.PageAssertions.assertEscapesHostile;
import static org.tremplin.web.page.PageAssertions.assertIsALayoutPage;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.identity.Landing;
import org.tremplin.web.form.HiddenFields;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Templates;

/** The app's pages: each in the one layout, in the user's language, hostile names escaped. */
class AppPagesTest {
  @Test
  void theSessionMissingPageSaysItInFrenchAndEnglishInTheLayout() {
    Response response = AppPages.sessionMissing();

    String html = (String) response.getEntity();
    assertThat(response.getStatus()).isEqualTo(401);
    assertIsALayoutPage(html, "fr");
    assertThat(html).contains("Session expirée").contains("Session expired");
    assertThat(response.getHeaderString("Content-Security-Policy")).contains("style-src 'self'");
  }

  @Test
  void theForbiddenPageHasAHeadingAndSaysWhoMayLinkTheCourse() {
    String html = (String) AppPages.forbidden(Locale.ENGLISH).getEntity();

    assertIsALayoutPage(html, "en");
    assertThat(html).contains("<h1>Nothing to show yet</h1>").contains("Only a trainer");
  }

  @Test
  void theExplainedPageGreetsAHostileNameEscapedInTheUsersLanguage() {
    Response response =
        AppPages.explained(
            new Landing.Explained(Landing.Reason.NOT_ON_ROSTER, HOSTILE), Locale.ENGLISH);

    String html = (String) response.getEntity();
    assertThat(response.getStatus()).isEqualTo(403);
    assertIsALayoutPage(html, "en");
    assertEscapesHostile(html);
    assertThat(html)
        .contains("data-reason=\"NOT_ON_ROSTER\"")
        .contains("You are not on the roster of this course's cohort yet.");
  }

  @Test
  void theHomePageShowsTheSchoolInItsHeaderAndEscapesHostileNames() {
    AppText t = AppText.of(Locale.FRENCH);
    AppPages.Home home =
        new AppPages.Home(
            Layout.of(Locale.FRENCH, "Tremplin", HOSTILE, "../"),
            t,
            t.get("home.hello", HOSTILE),
            "Vous êtes connecté·e en tant que : ",
            List.of(
                new AppPages.RoleLabel("LEARNER", "apprenant·e"),
                new AppPages.RoleLabel("TRAINER", "formateur·rice")),
            "",
            "Promotion : " + HOSTILE,
            List.of(
                new AppPages.Section(
                    "trainer",
                    "Ma promotion",
                    "3 apprenant·es " + HOSTILE,
                    List.of(
                        new AppPages.Action(
                            "attendance-link", "attendance?session=t", HOSTILE, false)))));

    String html = Templates.web().render("app/home.jte", home);

    assertIsALayoutPage(html, "fr");
    assertEscapesHostile(html);
    assertThat(html)
        .contains("<p class=\"site-name\">&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains(
            "<p id=\"roles\">Vous êtes connecté·e en tant que : <span class=\"role\""
                + " data-role=\"LEARNER\">apprenant·e</span>, <span class=\"role\""
                + " data-role=\"TRAINER\">formateur·rice</span></p>")
        .contains("<section id=\"trainer\">");
  }

  @Test
  void theLinkPageKeepsItsFormsAndEscapesAHostileSchoolAndCohortName() {
    AppText t = AppText.of(Locale.FRENCH);
    AppPages.Link link =
        new AppPages.Link(
            Layout.of(Locale.FRENCH, t.get("link.title"), HOSTILE, "../"),
            "../",
            t,
            "Erreur : " + HOSTILE,
            HOSTILE,
            List.of(new AppPages.Choice("cohort-7", "7", HOSTILE)),
            List.of("ecole-du-web@2025.1"),
            new HiddenFields("session", "tok\"en", "csrf", "c<s", "submission", "s-1"));

    String html = Templates.web().render("app/link.jte", link);

    assertIsALayoutPage(html, "fr");
    assertEscapesHostile(html);
    assertThat(html)
        .contains("<p role=\"alert\" id=\"error\">")
        .contains("<form method=\"post\" action=\"../app/link\">")
        .contains("<form method=\"post\" action=\"../app/link/new\">")
        .contains("<input type=\"hidden\" name=\"session\" value=\"tok&#34;en\">")
        .contains("<input type=\"hidden\" name=\"csrf\" value=\"c&lt;s\">")
        .contains("<input type=\"hidden\" name=\"submission\" value=\"s-1\">")
        .contains("<label for=\"cohort-7\">")
        .contains("<option value=\"ecole-du-web@2025.1\">");
  }

  @Test
  void everyEnglishTextShowsItsApostrophes() {
    AppText en = AppText.of(Locale.ENGLISH);

    assertThat(en.get("explained.NOT_ON_ROSTER")).contains("this course's cohort");
    assertThat(en.get("explained.NO_COURSE")).contains("your cohort's course");
  }
}

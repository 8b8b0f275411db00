package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.api.token.IssuedToken;
import org.tremplin.core.Tremplin;

/**
 * An institution administrator launching from a platform that serves a school lands on that
 * school's administrator page: its platforms and deployments, its API tokens (never their value);
 * nobody else reaches it.
 */
class AdminPageIT {
  private static final String INSTITUTION_ADMIN =
      "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";
  private static final String HOSTILE = "<script>alert(1)</script>";
  private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  private static final Actor OPERATOR = Actor.of("operator", Role.ADMIN, new Scope.Network());

  @Test
  void anInstitutionAdministratorLandsOnTheSchoolsPageWithItsPlatformAndTokens() throws Exception {
    try (LtiTestPlatform platform = new LtiTestPlatform("admin-page-it")) {
      Tremplin core = platform.tremplin.feature().tremplin();
      School school = core.schools().create(OPERATOR, "École " + HOSTILE, new Departement("93"));
      Grant admin = new Grant(Role.ADMIN, new Scope.OfSchool(school.id()));
      IssuedToken live = core.tokens().create(OPERATOR, admin, "SI " + HOSTILE, null);
      IssuedToken revoked = core.tokens().create(OPERATOR, admin, "ancien", null);
      core.tokens().revoke(OPERATOR, revoked.token().id());
      core.tokens()
          .create(OPERATOR, new Grant(Role.ADMIN, new Scope.Network()), "jeton-global", null);

      LtiTestPlatform.Browser browser = platform.browser();
      HttpResponse<String> launch =
          browser.launch("s-admin", "course-1", List.of(INSTITUTION_ADMIN));
      HttpResponse<String> home = browser.follow(launch);
      HttpResponse<String> page = browser.follow(home);

      assertThat(home.statusCode()).isEqualTo(303);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      assertThat(page.uri().getPath()).isEqualTo("/app/admin");
      PagesIT.assertIsALayoutPage(page.body(), "fr");
      assertThat(page.body())
          .contains("Administration — École " + ESCAPED)
          .contains(platform.issuer, LtiTestPlatform.CLIENT_ID, LtiTestPlatform.DEPLOYMENT)
          .contains(live.token().id().toString(), "SI " + ESCAPED, "sans échéance")
          .contains(revoked.token().id().toString(), "révoqué le")
          .doesNotContain("jeton-global") // a network token is not the school's
          .doesNotContain(live.secret())
          .doesNotContain(HOSTILE);
      assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("default-src 'none'");
    }
  }

  @Test
  void aManagerIsRefusedTheAdministratorPage() throws Exception {
    try (LtiTestPlatform platform = new LtiTestPlatform("admin-page-refused-it")) {
      LtiTestPlatform.Seeded seeded = platform.seedCohort("Promo", "s-ada");
      platform.linkCourse("course-1", seeded.cohort());
      LtiTestPlatform.Browser manager = platform.browser();
      HttpResponse<String> home = // a manager lands on the school's dashboard (issue 13)
          manager.follow(
              manager.follow(
                  manager.launch("s-manager", "course-1", List.of(MEMBERSHIP + "#Administrator"))));
      String session = home.uri().getQuery();

      HttpResponse<String> refused = manager.get(platform.base.resolve("app/admin?" + session));

      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).doesNotContain(seeded.school().name());
    }
  }

  @Test
  void theAdministratorPageSpeaksEnglishToAnEnglishBrowser() throws Exception {
    try (LtiTestPlatform platform = new LtiTestPlatform("admin-page-en-it")) {
      platform
          .tremplin
          .feature()
          .tremplin()
          .schools()
          .create(OPERATOR, "École du Web 93", new Departement("93"));
      LtiTestPlatform.Browser browser = platform.browser().speaking("en");
      HttpResponse<String> page =
          browser.follow(
              browser.follow(browser.launch("s-admin", "course-1", List.of(INSTITUTION_ADMIN))));

      assertThat(page.statusCode()).isEqualTo(200);
      PagesIT.assertIsALayoutPage(page.body(), "en");
      assertThat(page.body()).contains("LMS platforms", "No API token for this school.");
    }
  }
}

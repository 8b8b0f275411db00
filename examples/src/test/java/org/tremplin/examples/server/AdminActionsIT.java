package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.api.token.ApiToken;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.registration.RegistrationStore;
import org.tremplin.testing.Browser;
import org.tremplin.testing.Forms;

/**
 * The administrator's actions over real HTTP (issue 13, item 4): binding a pending platform
 * (network administrators only: an institution administrator gets 403 and nothing is written), API
 * tokens (created and shown once, listed without their value, revoked), programme templates (a bad
 * document comes back with every problem located and nothing stored; an import exports back to the
 * same template; a copy becomes the school's); another school is out of reach.
 */
class AdminActionsIT {
  static final String INSTITUTION_ADMIN =
      "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";
  static final String SYSTEM_ADMIN =
      "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator";
  private static final Actor OPERATOR = Actor.of("operator", Role.ADMIN, new Scope.Network());
  private static final String PENDING_ISSUER = "https://moodle.lens.example";
  private static final String PENDING_CLIENT = "client-lens";
  private static final TemplateRef DEFAULT =
      new TemplateRef(TemplateLibrary.DEFAULT_TEMPLATE_ID, 1);

  private LtiTestPlatform platform;
  private Tremplin core;
  private School school;

  @BeforeEach
  void start() throws Exception {
    platform = new LtiTestPlatform("admin-actions-it-" + System.nanoTime());
    core = platform.tremplin.feature().tremplin();
    school = core.schools().create(OPERATOR, "École du Web 93", new Departement("93"));
    ((RegistrationStore) platform.tremplin.feature().registrations())
        .add(
            new PlatformRegistration(
                "Moodle de Lens",
                PENDING_ISSUER,
                PENDING_CLIENT,
                URI.create(PENDING_ISSUER + "/auth"),
                URI.create(PENDING_ISSUER + "/token"),
                URI.create(PENDING_ISSUER + "/jwks"),
                Set.of("1"),
                false));
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  /** The administrator page this browser lands on after launching with these roles. */
  static URI adminPage(LtiTestPlatform.Browser browser, String sub, String role) throws Exception {
    HttpResponse<String> page =
        browser.follow(browser.follow(browser.launch(sub, "course-1", List.of(role))));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.uri().getPath()).isEqualTo("/app/admin");
    return page.uri();
  }

  private URI on(URI page, String path) {
    String query = page.getRawQuery();
    return platform.base.resolve("app/admin" + path + (path.contains("?") ? "&" : "?") + query);
  }

  @Test
  void aNetworkAdministratorBindsAPendingPlatformToTheSchool() throws Exception {
    LtiTestPlatform.Browser admin = platform.browser();
    URI page = adminPage(admin, "s-network", SYSTEM_ADMIN);
    String body = admin.get(page).body();
    assertThat(body).contains("Moodle de Lens", "en attente", "Rattacher la plateforme");
    Map<String, String> form =
        new LinkedHashMap<>(Forms.hiddenFields(body, "app/admin/platforms/bind"));
    form.put("target", school.id().value().toString());

    HttpResponse<String> bound =
        admin.post(platform.base.resolve("app/admin/platforms/bind"), form);
    HttpResponse<String> again =
        admin.post(platform.base.resolve("app/admin/platforms/bind"), form);
    HttpResponse<String> after = admin.follow(bound);

    assertThat(bound.statusCode()).isEqualTo(303);
    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(Browser.location(again)).isEqualTo(Browser.location(bound));
    assertThat(platform.tremplin.feature().directory().schoolOf(PENDING_ISSUER, PENDING_CLIENT))
        .contains(school.id());
    assertThat(after.body())
        .contains("La plateforme est rattachée")
        .doesNotContain("Rattacher la plateforme");
  }

  @Test
  void anInstitutionAdministratorSeesThePendingStateButIsRefusedTheBindingAndNothingIsWritten()
      throws Exception {
    LtiTestPlatform.Browser admin = platform.browser();
    URI page = adminPage(admin, "s-school-admin", INSTITUTION_ADMIN);
    String body = admin.get(page).body();
    Map<String, String> hidden =
        new LinkedHashMap<>(
            Forms.hiddenFields(admin.get(on(page, "/tokens/new")).body(), "app/admin/tokens"));
    hidden.put("issuer", PENDING_ISSUER);
    hidden.put("clientId", PENDING_CLIENT);
    hidden.put("target", school.id().value().toString());

    HttpResponse<String> refused =
        admin.post(platform.base.resolve("app/admin/platforms/bind"), hidden);

    assertThat(body)
        .contains("Moodle de Lens", "en attente")
        .contains("Seul un administrateur du réseau")
        .doesNotContain("platforms/bind");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Accès refusé", "Rien n’a été enregistré");
    assertThat(platform.tremplin.feature().directory().schoolOf(PENDING_ISSUER, PENDING_CLIENT))
        .isEmpty();
  }

  @Test
  void aTokenIsShownOnceListedWithoutItsValueAndRevoked() throws Exception {
    LtiTestPlatform.Browser admin = platform.browser();
    URI page = adminPage(admin, "s-school-admin", INSTITUTION_ADMIN);
    Map<String, String> form =
        new LinkedHashMap<>(
            Forms.hiddenFields(admin.get(on(page, "/tokens/new")).body(), "app/admin/tokens"));
    form.put("role", "ADMIN");
    form.put("scope", "school");
    form.put("label", "SI de l’école");
    form.put("expires", "");

    HttpResponse<String> created = admin.post(platform.base.resolve("app/admin/tokens"), form);
    HttpResponse<String> repeated = admin.post(platform.base.resolve("app/admin/tokens"), form);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String secret =
        created.body().replaceAll("(?s).*<textarea id=\"secret\"[^>]*>([^<]+)</textarea>.*", "$1");
    assertThat(secret).startsWith("tremplin_");
    assertThat(core.tokens().authenticate(secret).grants())
        .extracting(g -> g.role())
        .containsExactly(Role.ADMIN);
    assertThat(repeated.statusCode()).isEqualTo(303); // the same submission: not a second token
    List<ApiToken> tokens = core.tokens().list(OPERATOR, new Scope.OfSchool(school.id()));
    assertThat(tokens).hasSize(1);
    String list = admin.follow(repeated).body();
    assertThat(list)
        .contains("SI de l’école", tokens.get(0).id().toString())
        .doesNotContain(secret);

    Map<String, String> revoke =
        new LinkedHashMap<>(Forms.hiddenFields(list, "app/admin/tokens/revoke"));
    HttpResponse<String> revoked =
        admin.post(platform.base.resolve("app/admin/tokens/revoke"), revoke);

    assertThat(revoked.statusCode()).isEqualTo(303);
    assertThat(admin.follow(revoked).body()).contains("révoqué le", "Le jeton est révoqué");
    assertThatThrownBy(() -> core.tokens().authenticate(secret))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TOKEN_INVALID);
  }

  @Test
  void aTokenFormWithErrorsComesBackWithItsValuesAndAManagersTokenIsNotAnInstitutionAdminsToGive()
      throws Exception {
    LtiTestPlatform.Browser admin = platform.browser().speaking("en");
    URI page = adminPage(admin, "s-school-admin", INSTITUTION_ADMIN);
    Map<String, String> form =
        new LinkedHashMap<>(
            Forms.hiddenFields(admin.get(on(page, "/tokens/new")).body(), "app/admin/tokens"));
    form.put("role", "MANAGER");
    form.put("scope", "network");
    form.put("label", "");
    form.put("expires", "2020-01-01");

    HttpResponse<String> refused = admin.post(platform.base.resolve("app/admin/tokens"), form);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("There is a problem")
        .contains("href=\"#role\"", "href=\"#scope\"", "href=\"#label\"", "href=\"#expires\"")
        .contains("value=\"2020-01-01\"");
    assertThat(core.tokens().list(OPERATOR, new Scope.Network())).isEmpty();
  }

  @Test
  void aNetworkAdministratorGivesACoachTokenNamingItsCoachListedWithTheirName() throws Exception {
    LtiTestPlatform.Browser admin = platform.browser();
    URI page = adminPage(admin, "s-network", SYSTEM_ADMIN);
    String formPage = admin.get(on(page, "/tokens/new")).body();
    assertThat(formPage).contains("value=\"COACH\"", "id=\"person\"");
    Map<String, String> form =
        new LinkedHashMap<>(Forms.hiddenFields(formPage, "app/admin/tokens"));
    form.put("school", school.id().value().toString());
    form.put("role", "COACH");
    form.put("scope", "network");
    form.put("label", "Outil de Sam");
    form.put("person", "");

    HttpResponse<String> refused = admin.post(platform.base.resolve("app/admin/tokens"), form);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("href=\"#scope\"", "href=\"#person\"");
    assertThat(core.tokens().list(OPERATOR, new Scope.Network())).isEmpty();

    form =
        new LinkedHashMap<>(
            Forms.hiddenFields(admin.get(on(page, "/tokens/new")).body(), "app/admin/tokens"));
    form.put("school", school.id().value().toString());
    form.put("role", "COACH");
    form.put("scope", "school");
    form.put("label", "Outil de Sam");
    form.put("person", "lti:cip-7");
    HttpResponse<String> created = admin.post(platform.base.resolve("app/admin/tokens"), form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(created.body())
        .as("the one-time page names who the token acts as")
        .contains("accompagnement (lti:cip-7)");
    List<ApiToken> tokens = core.tokens().list(OPERATOR, new Scope.OfSchool(school.id()));
    assertThat(tokens)
        .singleElement()
        .satisfies(k -> assertThat(k.person()).isEqualTo("lti:cip-7"));
    assertThat(tokens.get(0).grant().role()).isEqualTo(Role.COACH);
    assertThat(admin.get(page).body()).contains("accompagnement (lti:cip-7)");
  }

  @Test
  void aBadTemplateIsRefusedWithEveryProblemLocatedAndNothingStored() throws Exception {
    LtiTestPlatform.Browser admin = platform.browser();
    URI page = adminPage(admin, "s-school-admin", INSTITUTION_ADMIN);
    String document =
        core.templates()
            .exportJson(DEFAULT)
            .replace("\"ecole-du-web\"", "\"edw-93\"")
            .replace("\"CP5\"", "\"CP9\"")
            .replace("\"startWeek\" : 7", "\"startWeek\" : 8");
    Map<String, String> form =
        new LinkedHashMap<>(
            Forms.hiddenFields(
                admin.get(on(page, "/templates/import")).body(), "app/admin/templates/import"));
    form.put("document", document);

    HttpResponse<String> refused =
        admin.post(platform.base.resolve("app/admin/templates/import"), form);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Il y a un problème", "href=\"#document\"")
        .contains(
            "<code>phases[1].startWeek</code>", "Les semaines 7 à 7 n’appartiennent à aucune phase")
        .containsPattern(
            "<code>phases\\[\\d\\]\\.units\\[\\d\\]\\.competencies\\[0\\]</code> — L’unité \\w+ vise la compétence CP9")
        .contains("\"id\" : \"edw-93\""); // the document kept
    assertThat(core.templates().list()).containsExactly(DEFAULT);
  }

  @Test
  void anImportedTemplateExportsBackAndACopyBecomesTheSchools() throws Exception {
    LtiTestPlatform.Browser admin = platform.browser();
    URI page = adminPage(admin, "s-school-admin", INSTITUTION_ADMIN);
    String document =
        core.templates()
            .exportJson(DEFAULT)
            .replace("\"ecole-du-web\"", "\"edw-93\"")
            .replace("\"placementHours\" : 210", "\"placementHours\" : 140");
    Map<String, String> form =
        new LinkedHashMap<>(
            Forms.hiddenFields(
                admin.get(on(page, "/templates/import")).body(), "app/admin/templates/import"));
    form.put("document", document);

    HttpResponse<String> imported =
        admin.post(platform.base.resolve("app/admin/templates/import"), form);
    HttpResponse<String> exported = admin.get(on(page, "/templates/export?template=edw-93@1"));

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(303);
    assertThat(admin.follow(imported).body()).contains("Le programme est importé", "edw-93");
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(exported.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "edw-93-v1.json");
    assertThat(exported.body()).isEqualTo(document);

    Map<String, String> copy =
        new LinkedHashMap<>(
            Forms.hiddenFields(
                admin.get(on(page, "/templates/copy?template=ecole-du-web@1")).body(),
                "app/admin/templates/copy"));
    copy.put("id", "edw-93-soir");
    copy.put("nameFr", "École du Web 93 — cours du soir");
    copy.put("nameEn", "École du Web 93 — evening classes");
    HttpResponse<String> copied =
        admin.post(platform.base.resolve("app/admin/templates/copy"), copy);

    assertThat(copied.statusCode()).isEqualTo(303);
    assertThat(admin.follow(copied).body())
        .contains("École du Web 93 — cours du soir", "de l’école");
    assertThat(core.templates().latest("edw-93-soir").phases())
        .isEqualTo(core.templates().get(DEFAULT).phases());
  }

  @Test
  void anotherSchoolsAdministratorReachesNeitherThePageNorTheTemplatesOfThisSchool()
      throws Exception {
    School other = core.schools().create(OPERATOR, "École de Lens", new Departement("62"));
    platform
        .tremplin
        .feature()
        .directory()
        .bindSchool(platform.issuer, LtiTestPlatform.CLIENT_ID, other.id());
    core.schoolTemplates()
        .importFor(
            OPERATOR,
            school.id(),
            core.templates().exportJson(DEFAULT).replace("\"ecole-du-web\"", "\"edw-93\""));
    LtiTestPlatform.Browser admin = platform.browser();
    URI page = adminPage(admin, "s-lens-admin", INSTITUTION_ADMIN);
    String query = page.getRawQuery() + "&school=" + school.id().value();

    HttpResponse<String> otherPage = admin.get(platform.base.resolve("app/admin?" + query));
    HttpResponse<String> export = admin.get(on(page, "/templates/export?template=edw-93@1"));

    assertThat(admin.get(page).body()).contains("École de Lens").doesNotContain("edw-93");
    assertThat(otherPage.statusCode()).isEqualTo(403);
    assertThat(otherPage.body()).doesNotContain("École du Web 93");
    assertThat(export.statusCode()).isEqualTo(403);
  }
}

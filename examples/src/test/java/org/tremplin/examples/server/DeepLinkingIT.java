package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.testing.DeepLinkingReturn;
import org.tremplin.testing.Forms;

/**
 * Deep Linking 2.0 over real HTTP (LTI.md §4): a trainer's {@code LtiDeepLinkingRequest} leads to
 * the picker of the cohort's programme, the choice comes back as an {@code LtiDeepLinkingResponse}
 * signed with the tool key (checked against {@code /lti/jwks} by the platform's return URL), with
 * {@code accept_types} and {@code accept_multiple} enforced, cancel answered with an empty response
 * and a message, and the launch of a deep-linked activity lands on its item.
 */
class DeepLinkingIT {
  private static final String INSTRUCTOR = MEMBERSHIP + "#Instructor";
  private static final String LEARNER = MEMBERSHIP + "#Learner";
  private static final String COURSE = "course-dl";
  private static final String CONTENT_ITEMS =
      "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";

  private static LtiTestPlatform platform;
  private static DeepLinkingReturn returnUrl;
  private static org.tremplin.api.cohort.Cohort cohort;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("deep-linking-it");
    LtiTestPlatform.Seeded seeded = platform.seedCohort("Promo Liens", "s-ada");
    cohort = seeded.cohort();
    platform.linkCourse(COURSE, seeded.cohort());
    returnUrl = new DeepLinkingReturn(platform.lms, "/deep-link-return");
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  /** Moodle's settings: strings for booleans, its {@code frame} target, opaque {@code data}. */
  private static Map<String, Object> moodleSettings(String data) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("deep_link_return_url", returnUrl.url() + "?course=42&amp=1");
    settings.put("accept_types", List.of("ltiResourceLink"));
    settings.put("accept_presentation_document_targets", List.of("frame", "iframe", "window"));
    settings.put("accept_multiple", "true");
    settings.put("accept_lineitem", true);
    settings.put("auto_create", "0");
    settings.put("accept_media_types", "application/vnd.ims.lti.v1.ltilink");
    settings.put("title", "Tremplin");
    settings.put("data", data);
    return settings;
  }

  private static HttpResponse<String> deepLink(
      LtiTestPlatform.Browser browser, String sub, String role, Map<String, Object> settings)
      throws Exception {
    return browser.launch(
        sub,
        COURSE,
        List.of(role),
        Map.of(
            LtiClaims.MESSAGE_TYPE,
            LtiClaims.DEEP_LINKING_REQUEST,
            LtiClaims.DEEP_LINKING_SETTINGS,
            settings));
  }

  /** A trainer's picker: the launch's redirect, its tokens and the page. */
  private record Picker(String session, String request, HttpResponse<String> page) {
    /** The CSRF value the picker's form carries (ADR 0010). */
    String csrf() {
      return Forms.hiddenFields(page.body(), "lti/deep-linking/response").get("csrf");
    }
  }

  private static Picker picker(LtiTestPlatform.Browser trainer, Map<String, Object> settings)
      throws Exception {
    HttpResponse<String> launch = deepLink(trainer, "s-trainer", INSTRUCTOR, settings);
    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    URI location = URI.create(LtiTestPlatform.Browser.location(launch));
    assertThat(location.toString()).startsWith(platform.base + "lti/deep-linking?request=");
    Map<String, String> query = Forms.query(location);
    HttpResponse<String> page = trainer.follow(launch);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return new Picker(query.get("session"), query.get("request"), page);
  }

  private static HttpResponse<String> respond(
      LtiTestPlatform.Browser browser, Picker picker, String action, String... items)
      throws Exception {
    StringBuilder form =
        new StringBuilder(
            Forms.form(
                Map.of(
                    "session",
                    picker.session(),
                    "csrf",
                    picker.csrf(),
                    "request",
                    picker.request(),
                    "action",
                    action)));
    for (String item : items) {
      form.append("&").append(Forms.form(Map.of("item", item)));
    }
    return browser.post(platform.base.resolve("lti/deep-linking/response"), form.toString());
  }

  /** Posts the return page's form as the browser's script would, and gives back the claims. */
  private static JWTClaimsSet postBack(LtiTestPlatform.Browser browser, HttpResponse<String> page)
      throws Exception {
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    String action = group(page.body(), "<form method=\"post\" action=\"([^\"]*)\"");
    String jwt = group(page.body(), "name=\"JWT\" value=\"([^\"]*)\"");
    URI target = URI.create(action.replace("&amp;", "&"));
    assertThat(target.toString()).isEqualTo(returnUrl.url() + "?course=42&amp=1");
    int before = returnUrl.received().size();
    HttpResponse<String> posted = browser.post(target, Map.of("JWT", jwt));
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(returnUrl.received()).hasSize(before + 1);
    return verified(returnUrl.received().get(before));
  }

  /** The token's claims, once its signature checks out with the tool's published key. */
  private static JWTClaimsSet verified(String token) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    HttpResponse<String> jwks = platform.browser().get(platform.base.resolve("lti/jwks"));
    RSAKey key = (RSAKey) JWKSet.parse(jwks.body()).getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).as("the response's kid is in /lti/jwks").isNotNull();
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    return jwt.getJWTClaimsSet();
  }

  private static String group(String body, String regex) {
    Matcher m = Pattern.compile(regex).matcher(body);
    assertThat(m.find()).as(regex + " in " + body).isTrue();
    return m.group(1);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(JWTClaimsSet claims) {
    return (List<Map<String, Object>>) claims.getClaim(CONTENT_ITEMS);
  }

  @Test
  void aTrainerPicksACompetencyAndAPhaseAndThePlatformGetsThemSignedWithItsDataEchoed()
      throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    Picker picker = picker(trainer, moodleSettings("moodle-opaque: {\"a\":1} é"));
    assertThat(picker.page().body())
        .contains("Ajouter une activité Tremplin")
        .contains("Promo Liens")
        .contains("type=\"checkbox\" name=\"item\"")
        .contains("value=\"competency:CP3\"")
        .contains("value=\"assessment:RNCP37674BC01\"")
        .contains("value=\"phase:PROJECT\"")
        .contains("value=\"unit:STATIC_UI\"")
        .doesNotContain("<script");
    assertThat(picker.page().headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("form-action 'self'")
        .doesNotContain("script-src");

    Instant before = Instant.now().minusSeconds(1);
    HttpResponse<String> page = respond(trainer, picker, "add", "competency:CP3", "phase:PROJECT");
    assertThat(page.body())
        .contains("src=\"../../lti/autopost.js\"")
        .contains("<button type=\"submit\">Continuer</button>");
    assertThat(page.headers().allValues("Content-Security-Policy"))
        .anyMatch(
            csp ->
                csp.contains("script-src 'self'")
                    && csp.contains("form-action " + platform.issuer)
                    && !csp.contains("unsafe-inline"));
    HttpResponse<String> script = trainer.get(platform.base.resolve("lti/autopost.js"));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("deep-linking-response").contains(".submit()");

    JWTClaimsSet claims = postBack(trainer, page);
    assertThat(claims.getIssuer()).isEqualTo(LtiTestPlatform.CLIENT_ID);
    assertThat(claims.getAudience()).containsExactly(platform.issuer);
    assertThat(claims.getIssueTime().toInstant()).isBetween(before, Instant.now().plusSeconds(1));
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofMinutes(10));
    assertThat(claims.getStringClaim("nonce")).hasSizeGreaterThanOrEqualTo(22);
    assertThat(claims.getClaim(LtiClaims.DEPLOYMENT_ID)).isEqualTo(LtiTestPlatform.DEPLOYMENT);
    assertThat(claims.getClaim(LtiClaims.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingResponse");
    assertThat(claims.getClaim(LtiClaims.VERSION)).isEqualTo("1.3.0");
    assertThat(claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"))
        .isEqualTo("moodle-opaque: {\"a\":1} é");
    assertThat(claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/msg")).isNull();

    List<Map<String, Object>> items = items(claims);
    assertThat(items).hasSize(2);
    Map<String, Object> competency = items.get(0);
    assertThat(competency)
        .containsEntry("type", "ltiResourceLink")
        .containsEntry("url", platform.base + "lti/launch")
        .containsEntry("custom", Map.of("tremplin_item", "competency:CP3"));
    assertThat((String) competency.get("title")).startsWith("CP3 — ");
    assertThat(competency.get("lineItem"))
        .isEqualTo(
            Map.of(
                "scoreMaximum",
                100L,
                "label",
                competency.get("title"),
                "resourceId",
                "competency:CP3",
                "tag",
                "tremplin"));
    assertThat(items.get(1))
        .containsEntry("type", "ltiResourceLink")
        .containsEntry("title", "Projet réel")
        .containsEntry("custom", Map.of("tremplin_item", "phase:PROJECT"))
        .doesNotContainKey("lineItem");

    // answered once: the same request cannot be signed again
    HttpResponse<String> again = respond(trainer, picker, "add", "competency:CP4");
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("id=\"expired\"");
  }

  @Test
  void aPlatformTakingOneItemGetsRadiosAndSeveralItemsAreRefusedBeforeSigning() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    Map<String, Object> settings = moodleSettings("single");
    settings.put("accept_multiple", false);
    Picker picker = picker(trainer, settings);
    assertThat(picker.page().body())
        .contains("type=\"radio\" name=\"item\"")
        .doesNotContain("type=\"checkbox\"");

    int received = returnUrl.received().size();
    HttpResponse<String> refused =
        respond(trainer, picker, "add", "competency:CP1", "competency:CP2");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("role=\"alert\"")
        .contains("une activité à la fois")
        .doesNotContain("name=\"JWT\"");
    // the refused choice is kept, and the form still posts to the right place
    assertThat(refused.body()).contains("action=\"../../lti/deep-linking/response\"");
    assertThat(refused.body()).containsPattern("value=\"competency:CP1\" checked");

    HttpResponse<String> nothing = respond(trainer, picker, "add");
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(nothing.body()).contains("au moins un élément");

    HttpResponse<String> unknown = respond(trainer, picker, "add", "competency:CP99");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("ne fait pas partie du programme");
    assertThat(returnUrl.received()).hasSize(received);

    JWTClaimsSet claims =
        postBack(trainer, respond(trainer, picker, "add", "assessment:RNCP37674BC02"));
    assertThat(items(claims)).hasSize(1);
    assertThat(items(claims).get(0).get("lineItem"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("resourceId", "assessment:RNCP37674BC02")
        .containsEntry("tag", "tremplin");
    assertThat(claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"))
        .isEqualTo("single");
  }

  @Test
  void aPlatformAcceptingNoResourceLinkIsOfferedNothingAndNothingIsSigned() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    Map<String, Object> settings = moodleSettings("files");
    settings.put("accept_types", List.of("file", "html"));
    Picker picker = picker(trainer, settings);
    assertThat(picker.page().body())
        .contains("id=\"none\"")
        .doesNotContain("name=\"item\"")
        .contains("value=\"cancel\"");

    HttpResponse<String> refused = respond(trainer, picker, "add", "competency:CP1");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).doesNotContain("name=\"JWT\"");

    Map<String, Object> embedOnly = moodleSettings("embed");
    embedOnly.put("accept_presentation_document_targets", List.of("embed"));
    Picker other = picker(platform.browser(), embedOnly);
    assertThat(other.page().body()).contains("id=\"none\"").doesNotContain("name=\"item\"");
  }

  @Test
  void cancellingAnswersAnEmptyResponseWithAMessageInTheTrainersLanguage() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser().speaking("en");
    Picker picker = picker(trainer, moodleSettings("cancel-me"));
    assertThat(picker.page().body())
        .contains("Add a Tremplin activity")
        .contains("Competencies")
        .contains("<html lang=\"en\">");

    HttpResponse<String> page = respond(trainer, picker, "cancel", "competency:CP1");
    assertThat(page.body()).contains("Back to the platform").contains(">Continue</button>");
    JWTClaimsSet claims = postBack(trainer, page);
    assertThat(items(claims)).isEmpty();
    assertThat(claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/msg"))
        .isEqualTo("No Tremplin activity was added.");
    assertThat(claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"))
        .isEqualTo("cancel-me");
  }

  @Test
  void aLearnerWhoOpensThePickerIsToldOnlyTrainersPlaceActivities() throws Exception {
    HttpResponse<String> launch =
        deepLink(platform.browser(), "s-ada", LEARNER, moodleSettings("learner"));
    assertThat(launch.statusCode()).isEqualTo(403);
    assertThat(launch.body())
        .contains("data-reason=\"DEEP_LINKING_NOT_TRAINER\"")
        .contains("Seul·e un·e formateur·rice");
  }

  @Test
  void aRequestIsAnsweredOnlyWithItsOwnTrainersSessionAndItsSessionToken() throws Exception {
    LtiTestPlatform.Browser trainer = platform.browser();
    Picker picker = picker(trainer, moodleSettings("csrf"));

    // no session token in the form (a cross-site post carries at most the cookie): nothing
    HttpResponse<String> forged =
        trainer.post(
            platform.base.resolve("lti/deep-linking/response"),
            Map.of("request", picker.request(), "action", "add", "item", "competency:CP1"));
    assertThat(forged.statusCode()).isEqualTo(401);

    // another trainer's session (with its own CSRF value) and this request token: nothing either
    LtiTestPlatform.Browser other = platform.browser();
    HttpResponse<String> otherLaunch =
        deepLink(other, "s-other-trainer", INSTRUCTOR, moodleSettings("other"));
    HttpResponse<String> otherPage = other.follow(otherLaunch);
    String otherSession =
        Forms.query(URI.create(LtiTestPlatform.Browser.location(otherLaunch))).get("session");
    HttpResponse<String> stolen =
        respond(
            other, new Picker(otherSession, picker.request(), otherPage), "add", "competency:CP1");
    assertThat(stolen.statusCode()).isEqualTo(410);

    // the request is still there for its trainer
    assertThat(postBack(trainer, respond(trainer, picker, "add", "competency:CP1"))).isNotNull();
  }

  @Test
  void invalidDeepLinkingSettingsAreRefusedAtLaunch() throws Exception {
    Map<String, Object> settings = moodleSettings("bad");
    settings.remove("accept_types");
    HttpResponse<String> launch = deepLink(platform.browser(), "s-trainer", INSTRUCTOR, settings);
    assertThat(launch.statusCode()).isEqualTo(400);
    assertThat(launch.body()).contains("DEEP_LINKING_SETTINGS_INVALID");
  }

  @Test
  void launchingADeepLinkedCompetencyLandsTheLearnerOnTheirPathAndTheTrainerOnTheGrid()
      throws Exception {
    Map<String, Object> custom =
        Map.of(LtiClaims.CUSTOM, Map.of("tremplin_item", "competency:CP3"));
    LtiTestPlatform.Browser learner = platform.browser();
    HttpResponse<String> launch = learner.launch("s-ada", COURSE, List.of(LEARNER), custom);
    assertThat(launch.statusCode()).isEqualTo(303);
    String path = LtiTestPlatform.Browser.location(launch);
    assertThat(path).startsWith(platform.base + "app/path?session=").endsWith("#competency-CP3");
    HttpResponse<String> page = learner.get(URI.create(path));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"competency-CP3\"");

    LtiTestPlatform.Browser trainer = platform.browser().speaking("en");
    HttpResponse<String> trainerLaunch =
        trainer.launch("s-trainer", COURSE, List.of(INSTRUCTOR), custom);
    String grid = LtiTestPlatform.Browser.location(trainerLaunch);
    assertThat(grid)
        .startsWith(platform.base + "app/cohorts/" + cohort.id().value() + "/grid?session=")
        .endsWith("#col-CP3");
    HttpResponse<String> gridPage = trainer.get(URI.create(grid));
    assertThat(gridPage.statusCode()).isEqualTo(200);
    assertThat(gridPage.body()).contains("id=\"col-CP3\"");

    HttpResponse<String> phase =
        trainer.launch(
            "s-trainer",
            COURSE,
            List.of(INSTRUCTOR),
            Map.of(LtiClaims.CUSTOM, Map.of("tremplin_item", "phase:PROJECT")));
    String calendar = LtiTestPlatform.Browser.location(phase);
    assertThat(calendar)
        .startsWith(platform.base + "app/cohorts/" + cohort.id().value() + "/calendar?session=")
        .endsWith("#phase-PROJECT");
    assertThat(trainer.get(URI.create(calendar)).body()).contains("id=\"phase-PROJECT\"");
  }

  @Test
  void launchingADeepLinkedAssessmentLandsEachRoleOnItsItem() throws Exception {
    LtiTestPlatform.Browser learner = platform.browser();
    HttpResponse<String> launch =
        learner.launch(
            "s-ada",
            COURSE,
            List.of(LEARNER),
            Map.of(LtiClaims.CUSTOM, Map.of("tremplin_item", "assessment:RNCP37674BC01")));
    assertThat(launch.statusCode()).isEqualTo(303);
    assertThat(LtiTestPlatform.Browser.location(launch))
        .startsWith(platform.base + "app/item?item=assessment%3ARNCP37674BC01&session=");
    HttpResponse<String> page = learner.follow(launch);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-item=\"assessment:RNCP37674BC01\"")
        .contains("id=\"graded\"")
        .doesNotContain("formateur·rice.</p>");
    String home = group(page.body(), "href=\"([^\"]*)\" id=\"home\"").replace("&amp;", "&");
    assertThat(learner.get(URI.create(home)).body()).contains("data-role=\"LEARNER\"");

    LtiTestPlatform.Browser trainer = platform.browser().speaking("en");
    HttpResponse<String> trainerPage =
        trainer.follow(
            trainer.launch(
                "s-trainer",
                COURSE,
                List.of(INSTRUCTOR),
                Map.of(LtiClaims.CUSTOM, Map.of("tremplin_item", "unit:NOPE"))));
    assertThat(trainerPage.body()).contains("id=\"unknown\"").contains("unit:NOPE");

    HttpResponse<String> plain =
        learner.launch(
            "s-ada", COURSE, List.of(LEARNER), Map.of(LtiClaims.CUSTOM, Map.of("x", "y")));
    assertThat(LtiTestPlatform.Browser.location(plain)).startsWith(platform.base + "app/home?");
  }
}

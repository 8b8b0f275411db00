package org.tremplin.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.keys.KeyLookup;
import org.tremplin.lti.keys.PlatformKeys;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.testing.Forms;
import org.tremplin.testing.Loopback;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestKeys;

/**
 * The demo LMS's LTI Advantage endpoints over real HTTP on loopback, played against by a test tool
 * whose key the platform reads as the tool's keyset: the token endpoint's refusals, NRPS paging,
 * AGS line items, scores and results, and the deep linking return with good and bad responses.
 */
class DemoAdvantageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");

  private final RSAKey toolKey = TestKeys.rsa("tool-key");
  private final RSAKey otherKey = TestKeys.rsa("tool-key"); // same kid, another key
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<URI> keysetsAsked = new ArrayList<>();

  private URI base;
  private DemoPlatform platform;
  private DemoRoster roster;
  private DemoLms lms;
  private HttpServer server;

  @BeforeEach
  void startPlatform() {
    int port = Loopback.freePort();
    base = URI.create("http://localhost:" + port + "/");
    platform = new DemoPlatform(base, TestKeys.rsa("platform-key"));
    List<DemoUser> learners = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      learners.add(new DemoUser("learner-" + i, "Learner", "Number " + i, DemoRole.LEARNER));
    }
    roster =
        new DemoRoster(
            learners,
            new DemoUser("demo-trainer", "Julie", "Marchand", DemoRole.TRAINER),
            new DemoUser("demo-coach", "Karim", "Benyahia", DemoRole.COACH),
            new DemoUser("demo-manager", "Nathalie", "Roux", DemoRole.MANAGER),
            "dwwm-test",
            Set.of("learner-11"));
    PlatformKeys toolKeys =
        (jwks, kid) -> {
          synchronized (keysetsAsked) {
            keysetsAsked.add(jwks);
          }
          return kid.equals(toolKey.getKeyID())
              ? new KeyLookup.Found(toolKey.toPublicJWK())
              : new KeyLookup.Missing();
        };
    lms = new DemoLms(platform, roster, clock, toolKeys, new DemoGradebook());
    server =
        GrizzlyHttpServerFactory.createHttpServer(
            base, new ResourceConfig().registerInstances(lms, lms.services()), true);
  }

  @AfterEach
  void stopPlatform() {
    server.shutdownNow();
  }

  // ---- token endpoint

  private JWTClaimsSet.Builder assertion() {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(DemoPlatform.CLIENT_ID)
        .subject(DemoPlatform.CLIENT_ID)
        .audience(platform.tokenUrl().toString())
        .issueTime(Date.from(now.minusSeconds(5)))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .jwtID(UUID.randomUUID().toString());
  }

  private HttpResponse<String> token(String assertion, String scope) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_assertion_type", DemoTokens.CLIENT_ASSERTION_TYPE);
    form.put("client_assertion", assertion);
    form.put("scope", scope);
    return post(platform.tokenUrl(), "application/x-www-form-urlencoded", Forms.form(form), null);
  }

  private String accessToken(String... scopes) throws Exception {
    HttpResponse<String> r =
        token(TestKeys.sign(assertion().build(), toolKey), String.join(" ", scopes));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("access_token").asText();
  }

  @Test
  void aGoodAssertionGetsABearerTokenForTheScopesAskedThatAreRegistered() throws Exception {
    HttpResponse<String> r =
        token(
            TestKeys.sign(assertion().build(), toolKey),
            DemoTokens.SCORE + " https://example.org/scope/unknown " + DemoTokens.MEMBERSHIPS);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isPositive();
    assertThat(body.get("scope").asText().split(" "))
        .containsExactlyInAnyOrder(DemoTokens.SCORE, DemoTokens.MEMBERSHIPS);
    assertThat(keysetsAsked).containsOnly(base.resolve("lti/jwks"));
  }

  @Test
  void anAssertionForAnotherAudienceIsRefused() throws Exception {
    HttpResponse<String> r =
        token(
            TestKeys.sign(assertion().audience(platform.issuer()).build(), toolKey),
            DemoTokens.SCORE);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void aJtiIsAcceptedOnce() throws Exception {
    String signed = TestKeys.sign(assertion().build(), toolKey);

    assertThat(token(signed, DemoTokens.SCORE).statusCode()).isEqualTo(200);
    HttpResponse<String> replay = token(signed, DemoTokens.SCORE);

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("jti");
  }

  @Test
  void anAssertionSignedWithAnotherKeyOrByAnotherClientIsRefused() throws Exception {
    assertThat(token(TestKeys.sign(assertion().build(), otherKey), DemoTokens.SCORE).statusCode())
        .isEqualTo(401);
    assertThat(
            token(
                    TestKeys.sign(
                        assertion().issuer("someone").subject("someone").build(), toolKey),
                    DemoTokens.SCORE)
                .statusCode())
        .isEqualTo(401);
    assertThat(
            token(
                    TestKeys.sign(
                        assertion()
                            .expirationTime(Date.from(clock.instant().minusSeconds(120)))
                            .build(),
                        toolKey),
                    DemoTokens.SCORE)
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void anotherGrantNoKnownScopeOrAJsonBodyIsABadRequest() throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    HttpResponse<String> grant =
        post(platform.tokenUrl(), "application/x-www-form-urlencoded", Forms.form(form), null);
    HttpResponse<String> scope =
        token(TestKeys.sign(assertion().build(), toolKey), "https://example.org/scope/unknown");
    HttpResponse<String> json = post(platform.tokenUrl(), "application/json", "{}", null);

    assertThat(grant.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(grant.body()).get("error").asText())
        .isEqualTo("unsupported_grant_type");
    assertThat(scope.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(scope.body()).get("error").asText()).isEqualTo("invalid_scope");
    assertThat(json.statusCode()).isIn(400, 415);
  }

  // ---- NRPS

  @Test
  void membershipsComeFiveAPageFollowingLinkNext() throws Exception {
    String token = accessToken(DemoTokens.MEMBERSHIPS);
    List<JsonNode> members = new ArrayList<>();
    URI next = platform.membershipsUrl("dwwm-test");
    int pages = 0;
    while (next != null) {
      HttpResponse<String> r = get(next, Types.MEMBERSHIPS, token);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith(Types.MEMBERSHIPS);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("context").get("id").asText()).isEqualTo("dwwm-test");
      body.get("members").forEach(members::add);
      assertThat(body.get("members").size()).isLessThanOrEqualTo(5);
      next =
          r.headers().firstValue("Link").map(DemoAdvantageIT::nextOf).map(URI::create).orElse(null);
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(members).hasSize(14);
    assertThat(members)
        .extracting(m -> m.get("user_id").asText())
        .doesNotHaveDuplicates()
        .contains("learner-1", "learner-12", "demo-trainer", "demo-coach")
        .doesNotContain("demo-manager");
    assertThat(members)
        .filteredOn(m -> m.get("status").asText().equals("Inactive"))
        .extracting(m -> m.get("user_id").asText())
        .containsExactly("learner-11");
    assertThat(members)
        .filteredOn(m -> m.get("user_id").asText().equals("demo-coach"))
        .allMatch(m -> m.get("roles").get(0).asText().endsWith("#Mentor"));
  }

  @Test
  void membershipsNeedATokenWithTheirScopeAndTheirMediaType() throws Exception {
    URI url = platform.membershipsUrl("dwwm-test");
    String scoreOnly = accessToken(DemoTokens.SCORE);
    String nrps = accessToken(DemoTokens.MEMBERSHIPS);

    assertThat(get(url, Types.MEMBERSHIPS, null).statusCode()).isEqualTo(401);
    assertThat(get(url, Types.MEMBERSHIPS, "not-a-token").statusCode()).isEqualTo(401);
    assertThat(get(url, Types.MEMBERSHIPS, scoreOnly).statusCode()).isEqualTo(403);
    assertThat(get(url, "application/json", nrps).statusCode()).isEqualTo(406);
    assertThat(get(platform.membershipsUrl("other-course"), Types.MEMBERSHIPS, nrps).statusCode())
        .isEqualTo(404);
  }

  // ---- AGS

  private String createLineItem(String token, String resourceId, String tag) throws Exception {
    HttpResponse<String> r =
        post(
            platform.lineItemsUrl("dwwm-test"),
            Types.LINEITEM,
            JSON.writeValueAsString(
                Map.of(
                    "label",
                    "Compétence " + resourceId,
                    "scoreMaximum",
                    4,
                    "resourceId",
                    resourceId,
                    "tag",
                    tag)),
            token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = JSON.readTree(r.body()).get("id").asText();
    assertThat(r.headers().firstValue("Location")).contains(id);
    return id;
  }

  private HttpResponse<String> score(String token, String lineItem, String user, String timestamp)
      throws Exception {
    Map<String, Object> score = new LinkedHashMap<>();
    score.put("userId", user);
    score.put("scoreGiven", 3);
    score.put("scoreMaximum", 4);
    score.put("activityProgress", "Completed");
    score.put("gradingProgress", "FullyGraded");
    score.put("timestamp", timestamp);
    return post(
        URI.create(lineItem + "/scores"), Types.SCORE, JSON.writeValueAsString(score), token);
  }

  @Test
  void lineItemsAreFoundByResourceIdAndTagAcrossPages() throws Exception {
    String token = accessToken(DemoTokens.LINEITEM);
    for (int i = 1; i <= 7; i++) {
      createLineItem(token, "competency:CP" + i, i % 2 == 0 ? "other" : "tremplin");
    }

    HttpResponse<String> cp3 =
        get(
            URI.create(
                platform.lineItemsUrl("dwwm-test") + "?resource_id=competency:CP3&tag=tremplin"),
            Types.LINEITEMS,
            token);
    HttpResponse<String> first = get(platform.lineItemsUrl("dwwm-test"), Types.LINEITEMS, token);

    assertThat(JSON.readTree(cp3.body()))
        .singleElement()
        .satisfies(i -> assertThat(i.get("resourceId").asText()).isEqualTo("competency:CP3"));
    assertThat(JSON.readTree(first.body())).hasSize(5);
    URI next = URI.create(nextOf(first.headers().firstValue("Link").orElseThrow()));
    assertThat(JSON.readTree(get(next, Types.LINEITEMS, token).body())).hasSize(2);
  }

  @Test
  void aScoreIsStoredOnceWithItsTimesAndAnOlderOrEqualTimestampIsAConflict() throws Exception {
    String token = accessToken(DemoTokens.LINEITEM, DemoTokens.SCORE, DemoTokens.RESULT_READONLY);
    String item = createLineItem(token, "competency:CP1", "tremplin");

    HttpResponse<String> stored = score(token, item, "learner-3", "2026-12-03T09:00:00.123Z");
    HttpResponse<String> same = score(token, item, "learner-3", "2026-12-03T09:00:00.123Z");
    HttpResponse<String> older = score(token, item, "learner-3", "2026-12-03T08:59:59.999Z");
    HttpResponse<String> later = score(token, item, "learner-3", "2026-12-03T10:00:00.200+01:00");

    assertThat(stored.statusCode()).as(stored.body()).isBetween(200, 204);
    assertThat(same.statusCode()).isEqualTo(409);
    assertThat(older.statusCode()).isEqualTo(409);
    assertThat(later.statusCode()).isBetween(200, 204);
    assertThat(lms.gradebook().scores())
        .extracting(DemoGradebook.Score::timestamp)
        .containsExactly(
            Instant.parse("2026-12-03T09:00:00.123Z"), Instant.parse("2026-12-03T09:00:00.200Z"));
    JsonNode results =
        JSON.readTree(get(URI.create(item + "/results"), Types.RESULTS, token).body());
    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("userId").asText()).isEqualTo("learner-3");
              assertThat(r.get("resultScore").asDouble()).isEqualTo(3.0);
              assertThat(r.get("scoreOf").asText()).isEqualTo(item);
            });
    String page = get(platform.gradebookUrl(), "text/html", null).body();
    assertThat(page).contains("Learner Number 3").contains("3 / 4").contains("2026-12-03 10:00:00");
  }

  @Test
  void aScoreNeedsItsMediaTypeItsScopeAMemberAndAValidBody() throws Exception {
    String token = accessToken(DemoTokens.LINEITEM, DemoTokens.SCORE);
    String readOnly = accessToken(DemoTokens.LINEITEM_READONLY);
    String item = createLineItem(token, "competency:CP2", "tremplin");
    String body =
        "{\"userId\":\"learner-1\",\"activityProgress\":\"Completed\","
            + "\"gradingProgress\":\"FullyGraded\",\"timestamp\":\"2026-12-03T09:00:00Z\"}";

    assertThat(post(URI.create(item + "/scores"), "application/json", body, token).statusCode())
        .isEqualTo(415);
    assertThat(post(URI.create(item + "/scores"), Types.SCORE, body, readOnly).statusCode())
        .isEqualTo(403);
    assertThat(score(token, item, "stranger", "2026-12-03T09:00:00Z").statusCode()).isEqualTo(400);
    assertThat(score(token, item, "learner-1", "yesterday").statusCode()).isEqualTo(400);
    assertThat(score(token, item + "9", "learner-1", "2026-12-03T09:00:00Z").statusCode())
        .isEqualTo(404);
    assertThat(lms.gradebook().scores()).isEmpty();
  }

  // ---- deep linking

  /** Runs the authorisation step of a login as this user with this hint; the id_token's claims. */
  private JWTClaimsSet launchClaims(String sub, String hint, String target) throws Exception {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", DemoPlatform.CLIENT_ID);
    q.put("redirect_uri", platform.toolRedirectUri());
    q.put("response_type", "id_token");
    q.put("response_mode", "form_post");
    q.put("scope", "openid");
    q.put("prompt", "none");
    q.put("nonce", UUID.randomUUID().toString());
    q.put("state", "s");
    q.put("login_hint", sub);
    q.put("lti_message_hint", hint);
    HttpResponse<String> r =
        get(URI.create(platform.authUrl() + "?" + Forms.form(q)), "text/html", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Matcher m = HIDDEN.matcher(r.body());
    while (m.find()) {
      if (m.group(1).equals("id_token")) {
        return SignedJWT.parse(m.group(2)).getJWTClaimsSet();
      }
    }
    throw new AssertionError("no id_token in " + r.body());
  }

  @SuppressWarnings("unchecked")
  private JWTClaimsSet.Builder response(JWTClaimsSet request, List<Map<String, Object>> items) {
    Map<String, Object> settings =
        (Map<String, Object>) request.getClaim(LtiClaims.DEEP_LINKING_SETTINGS);
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(DemoPlatform.CLIENT_ID)
        .audience(platform.issuer())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .claim("nonce", UUID.randomUUID().toString())
        .claim(LtiClaims.DEPLOYMENT_ID, DemoPlatform.DEPLOYMENT_ID)
        .claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingResponse")
        .claim(LtiClaims.VERSION, "1.3.0")
        .claim(DemoDeepLinking.DATA, settings.get("data"))
        .claim(DemoDeepLinking.CONTENT_ITEMS, items);
  }

  private static Map<String, Object> competencyItem(String code) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("type", "ltiResourceLink");
    item.put("title", "Compétence " + code);
    item.put("custom", Map.of("tremplin_competency", code));
    item.put(
        "lineItem",
        Map.of(
            "label",
            "Compétence " + code,
            "scoreMaximum",
            4,
            "resourceId",
            "competency:" + code,
            "tag",
            "tremplin"));
    return item;
  }

  private HttpResponse<String> returnResponse(String jwt) throws Exception {
    return post(
        platform.deepLinkingReturnUrl(),
        "application/x-www-form-urlencoded",
        Forms.form(Map.of("JWT", jwt)),
        null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDeepLinkingRequestCarriesItsSettingsAndTheServices() throws Exception {
    JWTClaimsSet request = launchClaims("demo-trainer", "en:dl", platform.toolRedirectUri());

    assertThat(request.getClaim(LtiClaims.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingRequest");
    assertThat(request.getClaim(LtiClaims.RESOURCE_LINK)).isNull();
    Map<String, Object> settings =
        (Map<String, Object>) request.getClaim(LtiClaims.DEEP_LINKING_SETTINGS);
    assertThat(settings)
        .containsEntry("deep_link_return_url", base + "demo/deep-linking/return")
        .containsEntry("accept_types", List.of("ltiResourceLink"))
        .containsEntry("accept_presentation_document_targets", List.of("iframe", "window"))
        .containsEntry("accept_multiple", true)
        .containsEntry("accept_lineitem", true)
        .containsKey("data");
    assertThat((Map<String, Object>) request.getClaim(DemoLms.AGS_ENDPOINT))
        .containsEntry("lineitems", base + "demo/courses/dwwm-test/lineitems");
    assertThat((Map<String, Object>) request.getClaim(DemoLms.NRPS_SERVICE))
        .containsEntry("context_memberships_url", base + "demo/courses/dwwm-test/memberships");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSignedResponsePlacesItsActivitiesWithLineItemsLaunchableByEveryRole() throws Exception {
    JWTClaimsSet request = launchClaims("demo-trainer", "fr:dl", platform.toolRedirectUri());
    String jwt =
        TestKeys.sign(
            response(request, List.of(competencyItem("CP1"), competencyItem("CP2")))
                .claim(DemoDeepLinking.MSG, "2 activités")
                .build(),
            toolKey);

    HttpResponse<String> placed = returnResponse(jwt);

    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
    assertThat(placed.body()).contains("<li>Compétence CP1</li>").contains("2 activités");
    assertThat(lms.gradebook().lineItems("competency:CP2", null, "tremplin")).hasSize(1);
    DemoGradebook.Activity first = lms.gradebook().activities().get(0);
    assertThat(first.custom()).containsEntry("tremplin_competency", "CP1");
    String course = get(platform.home(), "text/html", null).body();
    assertThat(course).contains("id=\"launch-" + first.id() + "\"").contains("Compétence CP2");
    for (String sub : List.of("learner-2", "demo-trainer", "demo-coach", "demo-manager")) {
      JWTClaimsSet launch = launchClaims(sub, "fr:a:" + first.id(), first.url());
      assertThat(launch.getClaim(LtiClaims.MESSAGE_TYPE)).isEqualTo("LtiResourceLinkRequest");
      assertThat((Map<String, Object>) launch.getClaim(LtiClaims.RESOURCE_LINK))
          .containsEntry("id", first.id());
      assertThat((Map<String, Object>) launch.getClaim(LtiClaims.CUSTOM))
          .containsEntry("tremplin_competency", "CP1");
      assertThat((Map<String, Object>) launch.getClaim(DemoLms.AGS_ENDPOINT))
          .containsEntry(
              "lineitem",
              platform.lineItemUrl("dwwm-test", first.lineItem().orElseThrow()).toString());
    }
    assertThat(returnResponse(jwt).statusCode()).isEqualTo(400); // replayed: nonce and data used
    assertThat(lms.gradebook().activities()).hasSize(2);
  }

  @Test
  void aResponseWithABadSignatureOrWrongClaimsPlacesNothing() throws Exception {
    JWTClaimsSet request = launchClaims("demo-trainer", "fr:dl", platform.toolRedirectUri());
    List<Map<String, Object>> items = List.of(competencyItem("CP1"));

    HttpResponse<String> badSignature =
        returnResponse(TestKeys.sign(response(request, items).build(), otherKey));
    HttpResponse<String> wrongAudience =
        returnResponse(
            TestKeys.sign(response(request, items).audience("https://elsewhere").build(), toolKey));
    HttpResponse<String> wrongDeployment =
        returnResponse(
            TestKeys.sign(
                response(request, items).claim(LtiClaims.DEPLOYMENT_ID, "other").build(), toolKey));
    HttpResponse<String> unknownData =
        returnResponse(
            TestKeys.sign(
                response(request, items).claim(DemoDeepLinking.DATA, "forged").build(), toolKey));
    HttpResponse<String> noNonce =
        returnResponse(
            TestKeys.sign(response(request, items).claim("nonce", null).build(), toolKey));
    Map<String, Object> file = Map.of("type", "file", "url", base + "x.pdf");
    HttpResponse<String> wrongType =
        returnResponse(TestKeys.sign(response(request, List.of(file)).build(), toolKey));

    for (HttpResponse<String> r :
        List.of(badSignature, wrongAudience, wrongDeployment, unknownData, noNonce, wrongType)) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(r.body()).contains("id=\"error-reason\"");
    }
    assertThat(badSignature.body()).contains("bad signature");
    assertThat(lms.gradebook().activities()).isEmpty();
    assertThat(lms.gradebook().lineItems(null, null, null)).isEmpty();
    // the request is still open: a good response is taken
    assertThat(
            returnResponse(TestKeys.sign(response(request, items).build(), toolKey)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aLearnerCannotAskForADeepLinkingRequest() throws Exception {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", DemoPlatform.CLIENT_ID);
    q.put("redirect_uri", platform.toolRedirectUri());
    q.put("response_type", "id_token");
    q.put("response_mode", "form_post");
    q.put("scope", "openid");
    q.put("prompt", "none");
    q.put("nonce", "n");
    q.put("state", "s");
    q.put("login_hint", "learner-1");
    q.put("lti_message_hint", "fr:dl");

    HttpResponse<String> r =
        get(URI.create(platform.authUrl() + "?" + Forms.form(q)), "text/html", null);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("id_token");
  }

  // ---- HTTP

  private HttpResponse<String> get(URI uri, String accept, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Accept", accept).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(URI uri, String type, String body, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String nextOf(String link) {
    Matcher m = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"").matcher(link);
    return m.find() ? m.group(1) : null;
  }

  /** The media types, as the services name them. */
  private static final class Types {
    static final String MEMBERSHIPS = DemoServices.MEMBERSHIPS_TYPE;
    static final String LINEITEM = DemoServices.LINEITEM_TYPE;
    static final String LINEITEMS = DemoServices.LINEITEMS_TYPE;
    static final String SCORE = DemoServices.SCORE_TYPE;
    static final String RESULTS = DemoServices.RESULTS_TYPE;
  }
}

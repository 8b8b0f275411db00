package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;
import static org.tremplin.testing.Forms.query;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.login.LoginState;

/**
 * The platform-storage variant of the OIDC round trip over real HTTP (LTI.md §1.6): a login with
 * {@code lti_storage_target} answers the storage page; a launch without the cookie answers the
 * read-back page; its re-post with the value read from platform storage is accepted, a wrong value
 * refused. The browser here keeps no cookies at all, as when third-party cookies are blocked.
 */
class PlatformStorageIT {
  private static final String TARGET = "post_message_forwarding";
  private static final String LEARNER = MEMBERSHIP + "#Learner";
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'";

  private static LtiTestPlatform platform;
  private static String issuer;
  private static URI base;

  /** A browser that keeps no cookies at all. */
  private final LtiTestPlatform.Browser browser = platform.browser().refusingCookies();

  @BeforeAll
  static void startPlatformAndTool() throws Exception {
    platform = new LtiTestPlatform("platform-storage-it");
    issuer = platform.issuer;
    base = platform.base;
    // a cohort linked to the course ctx-1, and Ada its learner (user-42)
    platform.linkCourse("ctx-1", platform.seedCohort("Promo DWWM 2026", "user-42").cohort());
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aLoginWithAStorageTargetAnswersTheStoragePageWithTheRedirectAndTheKeys() throws Exception {
    HttpResponse<String> response = get(loginUri(TARGET));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(response.headers().firstValue("Content-Security-Policy")).contains(CSP);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    String html = response.body();
    URI redirect = URI.create(attribute(html, "data-redirect"));
    assertThat(redirect.getScheme() + "://" + redirect.getAuthority() + redirect.getPath())
        .isEqualTo(issuer + "/auth");
    Map<String, String> query = query(redirect);
    assertThat(query.keySet())
        .containsExactlyInAnyOrder(
            "scope",
            "response_type",
            "response_mode",
            "prompt",
            "client_id",
            "redirect_uri",
            "login_hint",
            "lti_message_hint",
            "state",
            "nonce");
    assertThat(query)
        .containsEntry("redirect_uri", base + "lti/launch")
        .containsEntry("login_hint", "user 42/é")
        .containsEntry("lti_message_hint", "{\"a\":1}");
    String state = query.get("state");
    assertThat(attribute(html, "data-state-key")).isEqualTo("lti_state_" + state);
    assertThat(attribute(html, "data-nonce-key")).isEqualTo("lti_nonce_" + query.get("nonce"));
    assertThat(attribute(html, "data-value")).isEqualTo(LoginState.bindingOf(state));
    assertThat(attribute(html, "data-target")).isEqualTo(TARGET);
    assertThat(attribute(html, "data-origin")).isEqualTo(issuer);
    assertThat(html).contains("<script src=\"storage.js\"></script>");
    assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith(LoginState.cookieName(state) + "=" + LoginState.bindingOf(state) + ";")
        .contains("Partitioned");
  }

  @Test
  void aHostileStorageTargetIsEscapedInThePage() throws Exception {
    HttpResponse<String> response = get(loginUri("\"><script>alert(1)</script>"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("<script>alert").contains("&lt;script");
    assertThat(attribute(response.body(), "data-target")).isEqualTo("\"><script>alert(1)</script>");
  }

  @Test
  void theStorageScriptIsServedFromOurOwnPath() throws Exception {
    HttpResponse<String> response = get(base.resolve("lti/storage.js"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.body()).contains("lti.capabilities", "lti.put_data", "lti.get_data");
  }

  @Test
  void aLaunchWithoutCookieGetsTheReadBackPageAndItsRePostIsAccepted() throws Exception {
    Login login = login();
    String token = sign(claims(login.nonce()));

    HttpResponse<String> readBack = launch(Map.of("id_token", token, "state", login.state()));

    assertThat(readBack.statusCode()).isEqualTo(200);
    assertThat(readBack.headers().firstValue("Content-Security-Policy")).contains(CSP);
    assertThat(readBack.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(readBack.headers().firstValue("Location")).isEmpty();
    String html = readBack.body();
    assertThat(html).contains("action=\"launch\"");
    assertThat(field(html, "id_token")).isEqualTo(token);
    assertThat(field(html, "state")).isEqualTo(login.state());
    assertThat(attribute(html, "data-state-key")).isEqualTo("lti_state_" + login.state());
    assertThat(attribute(html, "data-nonce-key")).isEqualTo("lti_nonce_" + login.nonce());

    HttpResponse<String> accepted = launch(rePost(token, login, login.value(), login.value()));

    assertThat(accepted.statusCode()).isEqualTo(303);
    assertThat(accepted.headers().firstValue("Location").orElseThrow()).startsWith(base + "app/");
    assertThat(accepted.body()).doesNotContain("error-code").doesNotContain("lti-storage");
  }

  @Test
  void aReplayedRePostIsRefused() throws Exception {
    Login login = login();
    String token = sign(claims(login.nonce()));
    Map<String, String> rePost = rePost(token, login, login.value(), login.value());
    assertThat(launch(rePost).statusCode()).isEqualTo(303);

    HttpResponse<String> replay = launch(rePost);

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("STATE_UNKNOWN");
    assertThat(replay.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void aWrongValueFromStorageIsRefusedWithoutSession() throws Exception {
    Login login = login();
    String token = sign(claims(login.nonce()));

    HttpResponse<String> refused = launch(rePost(token, login, "forged", "forged"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("STATE_NOT_BOUND");
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(refused.headers().firstValue("Location")).isEmpty();
    // nothing is written before the id_token's signature is checked (signed login states), so
    // the refusal consumed nothing: the browser that holds the right value still gets in, once
    HttpResponse<String> retry = launch(rePost(token, login, login.value(), login.value()));
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(303);
    assertThat(launch(rePost(token, login, login.value(), login.value())).body())
        .contains("STATE_UNKNOWN");
  }

  @Test
  void nothingFoundInStorageIsRefusedWithoutSession() throws Exception {
    Login login = login();
    String token = sign(claims(login.nonce()));

    HttpResponse<String> refused = launch(rePost(token, login, "", ""));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("STATE_NOT_BOUND");
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(refused.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void aCookieOnlyLoginWithoutCookieIsRefusedAsBefore() throws Exception {
    HttpResponse<String> response = get(loginUri(null));
    assertThat(response.statusCode()).isEqualTo(302);
    Map<String, String> query =
        query(URI.create(response.headers().firstValue("Location").orElseThrow()));

    HttpResponse<String> launch =
        launch(Map.of("id_token", sign(claims(query.get("nonce"))), "state", query.get("state")));

    assertThat(launch.statusCode()).isEqualTo(403);
    assertThat(launch.body()).contains("STATE_NOT_BOUND").doesNotContain("lti-storage");
  }

  /** A storage login as the page saw it: state, nonce and the value it wrote to storage. */
  private record Login(String state, String nonce, String value) {}

  private Login login() throws Exception {
    HttpResponse<String> response = get(loginUri(TARGET));
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, String> query = query(URI.create(attribute(response.body(), "data-redirect")));
    return new Login(
        query.get("state"), query.get("nonce"), attribute(response.body(), "data-value"));
  }

  private static Map<String, String> rePost(
      String token, Login login, String storedState, String storedNonce) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("id_token", token);
    form.put("state", login.state());
    form.put("lti_storage_state", storedState);
    form.put("lti_storage_nonce", storedNonce);
    return form;
  }

  private static URI loginUri(String storageTarget) {
    Map<String, String> parameters = platform.loginParameters("user 42/é");
    parameters.put("target_link_uri", base + "app");
    parameters.put("lti_message_hint", "{\"a\":1}");
    if (storageTarget != null) {
      parameters.put("lti_storage_target", storageTarget);
    }
    return platform.loginUri(parameters);
  }

  private static JWTClaimsSet claims(String nonce) {
    return platform
        .claims(nonce, "user-42", "ctx-1", List.of(LEARNER))
        .claim("name", "Ada")
        .build();
  }

  private static String sign(JWTClaimsSet claims) throws Exception {
    return platform.sign(claims);
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return browser.get(uri);
  }

  private HttpResponse<String> launch(Map<String, String> form) throws Exception {
    return browser.post(base.resolve("lti/launch"), form);
  }

  private static String attribute(String html, String name) {
    Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).as(name).isTrue();
    return unescape(m.group(1));
  }

  private static String field(String html, String name) {
    Matcher m =
        Pattern.compile("<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]*)\">")
            .matcher(html);
    assertThat(m.find()).as(name).isTrue();
    return unescape(m.group(1));
  }

  private static String unescape(String text) {
    return text.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}

package org.tremplin.web.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.launch.LaunchRequest;
import org.tremplin.lti.launch.StorageReadBack;
import org.tremplin.lti.login.LoginOutcome;
import org.tremplin.lti.login.LoginState;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.web.page.PageAssertions;

/** The platform-storage pages: values escaped, only our own script, no inline handler. */
class StoragePagesTest {
  private static final String HOSTILE = "\"><script>alert(1)</script><a onclick='x'>&";
  private static final PlatformRegistration CANVAS =
      new PlatformRegistration(
          "Canvas",
          "https://canvas.instructure.com",
          "1",
          URI.create("https://sso.canvaslms.com/api/lti/authorize_redirect"),
          URI.create("https://sso.canvaslms.com/login/oauth2/token"),
          URI.create("https://sso.canvaslms.com/api/lti/security/jwks"),
          Set.of(),
          true);

  @Test
  void theLoginPageCarriesTheRedirectTheKeysAndTheCookieWithHostileValuesEscaped() {
    LoginState state =
        new LoginState(
            "st",
            CANVAS,
            "no",
            "https://tool.example.org/app",
            null,
            Instant.parse("2025-10-06T08:10:00Z"),
            HOSTILE);
    URI location =
        URI.create("https://sso.canvaslms.com/api/lti/authorize_redirect?state=st&a=1&b=2");

    String html =
        StoragePages.loginHtml(
            new LoginOutcome.StoreThenRedirect(location, state), "login?iss=x&login_hint=%22%3E");

    assertSafe(html);
    assertThat(attribute(html, "data-redirect")).isEqualTo(location.toString());
    assertThat(attribute(html, "data-target")).isEqualTo(HOSTILE);
    assertThat(attribute(html, "data-origin")).isEqualTo("https://sso.canvaslms.com");
    assertThat(attribute(html, "data-state-key")).isEqualTo("lti_state_st");
    assertThat(attribute(html, "data-nonce-key")).isEqualTo("lti_nonce_no");
    assertThat(attribute(html, "data-value")).isEqualTo(LoginState.bindingOf("st"));
    assertThat(html)
        .contains("href=\"login?iss=x&amp;login_hint=%22%3E\" target=\"_blank\"")
        .contains("nouvelle fenêtre", "new window", "cookie seulement", "cookie only");
  }

  @Test
  void theReadBackPageRePostsTheSameTokenAndStateEscaped() {
    StorageReadBack readBack =
        new StorageReadBack(HOSTILE, "https://sso.canvaslms.com", "lti_state_st", "lti_nonce_no");
    LaunchRequest request = LaunchRequest.of("st" + HOSTILE, "a.b.c" + HOSTILE, null);

    String html = StoragePages.readBackHtml(readBack, request);

    assertSafe(html);
    assertThat(html).contains("<form id=\"lti-storage-repost\" method=\"post\" action=\"launch\">");
    assertThat(field(html, "id_token")).isEqualTo("a.b.c" + HOSTILE);
    assertThat(field(html, "state")).isEqualTo("st" + HOSTILE);
    assertThat(field(html, LaunchRequest.STORED_STATE_FIELD)).isEmpty();
    assertThat(field(html, LaunchRequest.STORED_NONCE_FIELD)).isEmpty();
    assertThat(attribute(html, "data-state-key")).isEqualTo("lti_state_st");
    assertThat(attribute(html, "data-nonce-key")).isEqualTo("lti_nonce_no");
    assertThat(attribute(html, "data-mode")).isEqualTo("launch");
  }

  @Test
  void theNewWindowLoginDropsTheStorageTargetAndKeepsTheRest() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("iss", List.of("https://canvas.instructure.com"));
    params.put("login_hint", List.of("a b&c"));
    params.put("lti_storage_target", List.of("post_message_forwarding"));
    params.put("canvas_region", List.of("us-east-1"));

    assertThat(LoginResource.newWindowUrl(params))
        .isEqualTo("login?iss=https%3A%2F%2Fcanvas.instructure.com&login_hint=a%20b%26c");
  }

  private static void assertSafe(String html) {
    PageAssertions.assertIsALayoutPage(html, "fr");
    assertThat(html.split("<script", -1)).hasSize(2);
    assertThat(html).contains("<script src=\"storage.js\"></script>");
    String markup = html.replaceAll("\"[^\"]*\"", "\"\"");
    assertThat(markup).doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
    assertThat(html).doesNotContain("<a onclick").doesNotContain("<script>alert");
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

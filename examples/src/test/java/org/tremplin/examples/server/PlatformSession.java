package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tremplin.testing.Forms;

/**
 * An app session opened by a launch from the test platform over plain HTTP: its browser (a cookie
 * jar of its own) and its session token, which it adds to every address it asks for. Immutable.
 *
 * @param platform the platform the session was launched from
 * @param browser its browser
 * @param token its session token
 */
record PlatformSession(LtiTestPlatform platform, LtiTestPlatform.Browser browser, String token) {
  /** Launches user {@code sub} of course {@code course} with this LTI role, the LMS in French. */
  static PlatformSession launch(LtiTestPlatform platform, String sub, String course, String role)
      throws Exception {
    return launch(platform, sub, course, role, "fr");
  }

  /** The same, the LMS speaking {@code language}. */
  static PlatformSession launch(
      LtiTestPlatform platform, String sub, String course, String role, String language)
      throws Exception {
    LtiTestPlatform.Browser browser = platform.browser().speaking(language);
    HttpResponse<String> launch = browser.launch(sub, course, List.of(role));
    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    return new PlatformSession(platform, browser, tokenOf(launch));
  }

  /** The session token a launch's redirect carries. */
  static String tokenOf(HttpResponse<String> launch) {
    Matcher token =
        Pattern.compile("session=([^&]+)")
            .matcher(launch.headers().firstValue("Location").orElseThrow());
    assertThat(token.find()).isTrue();
    return URLDecoder.decode(token.group(1), StandardCharsets.UTF_8);
  }

  /** Asks for {@code path} (relative to the tool's base) with the session token. */
  HttpResponse<String> get(String path) throws Exception {
    return browser.get(
        platform.base.resolve(
            path
                + (path.contains("?") ? "&" : "?")
                + "session="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)));
  }

  /** Posts to {@code path} with the hidden fields of the first form on {@code formPage}. */
  HttpResponse<String> post(String formPage, String path, String body) throws Exception {
    Map<String, String> hidden = new LinkedHashMap<>();
    try {
      hidden.putAll(Forms.hiddenFields(get(formPage).body(), ""));
    } catch (IllegalArgumentException e) {
      // a page without a form (a trainer's home): the session alone
    }
    hidden.putIfAbsent("session", token);
    return browser.post(platform.base.resolve(path), body + "&" + Forms.form(hidden));
  }
}

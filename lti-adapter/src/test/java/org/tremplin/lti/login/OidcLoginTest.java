package org.tremplin.lti.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.registration.InMemoryRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;

class OidcLoginTest {
  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  private static final String ISSUER = "https://moodle.example.org";
  private static final String MESSAGE_HINT = "{\"cmid\":12,\"launchid\":\"ltilaunch1_x+y/z=\"}";
  private final PlatformRegistration moodle =
      new PlatformRegistration(
          "Moodle",
          ISSUER,
          "client-123",
          URI.create(ISSUER + "/mod/lti/auth.php"),
          URI.create(ISSUER + "/mod/lti/token.php"),
          URI.create(ISSUER + "/mod/lti/certs.php"),
          Set.of("1"),
          false);
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryLoginStates states = new InMemoryLoginStates(clock);
  private final ToolUrls tool =
      new ToolUrls(URI.create("https://tool.example.org/"), "https://tool.example.org/lti/launch");
  private final OidcLogin login =
      new OidcLogin(new InMemoryRegistrations(List.of(moodle)), states, tool, clock);

  @Test
  void theRedirectCarriesExactlyTheSpecParameters() {
    LoginOutcome.Redirect redirect = redirect(params());

    Map<String, String> query = query(redirect.location());
    assertThat(query.keySet())
        .containsExactly(
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
        .containsEntry("scope", "openid")
        .containsEntry("response_type", "id_token")
        .containsEntry("response_mode", "form_post")
        .containsEntry("prompt", "none")
        .containsEntry("client_id", "client-123")
        .containsEntry("redirect_uri", "https://tool.example.org/lti/launch")
        .doesNotContainKey("repost");
    assertThat(redirect.location().toString()).startsWith(ISSUER + "/mod/lti/auth.php?");
  }

  @Test
  void theHintsAreEchoedUntouched() {
    Map<String, String> query = query(redirect(params()).location());

    assertThat(query)
        .containsEntry("login_hint", "user 42+é")
        .containsEntry("lti_message_hint", MESSAGE_HINT);
  }

  @Test
  void noLtiMessageHintIsSentWhenThePlatformSentNone() {
    Map<String, List<String>> params = params();
    params.remove("lti_message_hint");

    assertThat(query(redirect(params).location())).doesNotContainKey("lti_message_hint");
  }

  @Test
  void stateAndNonceAreFreshBase64UrlOfAtLeast128Bits() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      Map<String, String> query = query(redirect(params()).location());
      for (String value : List.of(query.get("state"), query.get("nonce"))) {
        assertThat(value).matches("[A-Za-z0-9_-]+");
        assertThat(value.length() * 6).isGreaterThanOrEqualTo(128);
        assertThat(seen.add(value)).as("unique").isTrue();
      }
    }
  }

  @Test
  void theLoginStateIsStoredWithItsCookieAndTenMinutesToLive() {
    Map<String, List<String>> params = params();
    params.put("lti_deployment_id", List.of("1"));

    LoginOutcome.Redirect redirect = redirect(params);

    LoginState state = redirect.loginState();
    Map<String, String> query = query(redirect.location());
    assertThat(state.state()).isEqualTo(query.get("state"));
    assertThat(state.nonce()).isEqualTo(query.get("nonce"));
    assertThat(state.registration()).isEqualTo(moodle);
    assertThat(state.targetLinkUri()).isEqualTo("https://tool.example.org/lti/launch");
    assertThat(state.deploymentIdHint()).isEqualTo("1");
    assertThat(state.expiresAt()).isEqualTo(NOW.plusSeconds(600));
    assertThat(state.cookieName()).isEqualTo("lti1p3_" + LoginState.bindingOf(state.state()));
    assertThat(state.setCookieHeader())
        .startsWith(state.cookieName() + "=" + LoginState.bindingOf(state.state()) + ";")
        .contains("Secure", "HttpOnly", "SameSite=None", "Partitioned", "Path=/", "Max-Age=600");
    assertThat(states.take(state.state())).contains(state);
  }

  @Test
  void deploymentIdIsAcceptedUnderItsShortNameToo() {
    Map<String, List<String>> params = params();
    params.put("deployment_id", List.of("1"));

    assertThat(redirect(params).loginState().deploymentIdHint()).isEqualTo("1");
  }

  @Test
  void unknownParametersAreIgnored() {
    Map<String, List<String>> params = params();
    params.put("canvas_region", List.of("eu-west-1"));
    params.put("canvas_environment", List.of("prod"));

    assertThat(query(redirect(params).location()))
        .doesNotContainKeys("canvas_region", "canvas_environment");
  }

  @Test
  void missingRequiredParametersAreRefused() {
    assertRejected(without("iss"), LoginError.ISSUER_MISSING);
    assertRejected(without("login_hint"), LoginError.LOGIN_HINT_MISSING);
    assertRejected(without("target_link_uri"), LoginError.TARGET_LINK_URI_MISSING);
  }

  @Test
  void aTargetOutsideTheToolIsRefused() {
    for (String target :
        List.of(
            "https://evil.example.org/lti/launch",
            "https://tool.example.org.evil.com/lti/launch",
            "https://tool.example.org@evil.com/",
            "http://tool.example.org/lti/launch",
            "https://tool.example.org:8443/lti/launch",
            "javascript:alert(1)",
            "/lti/launch")) {
      Map<String, List<String>> params = params();
      params.put("target_link_uri", List.of(target));
      assertRejected(params, LoginError.TARGET_LINK_URI_NOT_OURS);
    }
  }

  @Test
  void aDeploymentHintTheToolCannotKeepIsRefusedAndNothingIsStored() {
    for (String hint : List.of("d".repeat(256), "dep\u00001", "dep\n1", "dep\u202e1")) {
      Map<String, List<String>> params = params();
      params.put("lti_deployment_id", List.of(hint));
      assertRejected(params, LoginError.PARAMETER_INVALID);
    }
    assertThat(states.size()).isZero();
  }

  @Test
  void aTargetLinkLongerThanTheStateKeepsIsRefused() {
    Map<String, List<String>> params = params();
    String target = params.get("target_link_uri").get(0);
    params.put("target_link_uri", List.of(target + "?x=" + "a".repeat(2000)));

    assertRejected(params, LoginError.PARAMETER_INVALID);
    assertThat(states.size()).isZero();
  }

  @Test
  void anUnknownRegistrationIsRefusedWithoutRedirect() {
    Map<String, List<String>> params = params();
    params.put("client_id", List.of("someone-else"));

    assertRejected(params, LoginError.REGISTRATION_UNKNOWN);
    assertThat(states.size()).isZero();
  }

  @Test
  void aRepeatedParameterIsRefused() {
    Map<String, List<String>> params = params();
    params.put("iss", List.of(ISSUER, "https://evil.example.org"));

    assertRejected(params, LoginError.PARAMETER_REPEATED);
  }

  @Test
  void withoutClientIdTheOnlyRegistrationOfTheIssuerIsUsed() {
    assertThat(query(redirect(without("client_id")).location()))
        .containsEntry("client_id", "client-123");
  }

  private void assertRejected(Map<String, List<String>> params, LoginError error) {
    assertThat(login.initiate(params)).isEqualTo(new LoginOutcome.Rejected(error));
    assertThat(error.httpStatus()).isEqualTo(400);
  }

  private LoginOutcome.Redirect redirect(Map<String, List<String>> params) {
    LoginOutcome outcome = login.initiate(params);
    assertThat(outcome).isInstanceOf(LoginOutcome.Redirect.class);
    return (LoginOutcome.Redirect) outcome;
  }

  private static Map<String, List<String>> without(String name) {
    Map<String, List<String>> params = params();
    params.remove(name);
    return params;
  }

  private static Map<String, List<String>> params() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("iss", List.of(ISSUER));
    params.put("login_hint", List.of("user 42+é"));
    params.put("target_link_uri", List.of("https://tool.example.org/lti/launch"));
    params.put("lti_message_hint", List.of(MESSAGE_HINT));
    params.put("client_id", List.of("client-123"));
    return params;
  }

  private static Map<String, String> query(URI location) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : location.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      assertThat(query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8)))
          .as("parameter sent once: " + kv[0])
          .isNull();
    }
    return query;
  }
}

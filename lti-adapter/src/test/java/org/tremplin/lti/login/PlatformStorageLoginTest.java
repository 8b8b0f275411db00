package org.tremplin.lti.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.registration.InMemoryRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;

/** The platform-storage variant of the login (LTI.md §1.6). */
class PlatformStorageLoginTest {
  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  private static final String ISSUER = "https://canvas.instructure.com";
  private final PlatformRegistration canvas =
      new PlatformRegistration(
          "Canvas",
          ISSUER,
          "10000000000001",
          URI.create("https://sso.canvaslms.com/api/lti/authorize_redirect"),
          URI.create("https://sso.canvaslms.com/login/oauth2/token"),
          URI.create("https://sso.canvaslms.com/api/lti/security/jwks"),
          Set.of("189:7f95"),
          false);
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryLoginStates states = new InMemoryLoginStates(clock);
  private final ToolUrls tool =
      new ToolUrls(URI.create("https://tool.example.org/"), "https://tool.example.org/lti/launch");

  /** Same random bytes for both handlers, so the two logins draw the same state and nonce. */
  private OidcLogin login() {
    return new OidcLogin(
        new InMemoryRegistrations(List.of(canvas)), states, tool, clock, new FixedRandom());
  }

  @Test
  void aStorageTargetTurnsTheRedirectIntoAStoragePageWithTheSameUrl() {
    LoginOutcome plain = login().initiate(params(null));
    LoginOutcome stored = login().initiate(params("post_message_forwarding"));

    assertThat(plain).isInstanceOf(LoginOutcome.Redirect.class);
    assertThat(stored).isInstanceOf(LoginOutcome.StoreThenRedirect.class);
    assertThat(((LoginOutcome.StoreThenRedirect) stored).location())
        .isEqualTo(((LoginOutcome.Redirect) plain).location());
  }

  @Test
  void theStorageLoginIsRecordedWithItsTargetKeysAndTheAuthUrlOrigin() {
    LoginOutcome.StoreThenRedirect outcome =
        (LoginOutcome.StoreThenRedirect) login().initiate(params("post_message_forwarding"));
    LoginState state = outcome.loginState();

    assertThat(state.usesPlatformStorage()).isTrue();
    assertThat(outcome.storageTarget()).isEqualTo("post_message_forwarding");
    assertThat(outcome.platformOrigin()).isEqualTo("https://sso.canvaslms.com");
    assertThat(state.storageStateKey()).isEqualTo("lti_state_" + state.state());
    assertThat(state.storageNonceKey()).isEqualTo("lti_nonce_" + state.nonce());
    assertThat(state.bindingValue()).isEqualTo(LoginState.bindingOf(state.state())).hasSize(22);
    assertThat(states.find(state.state())).contains(state);
    assertThat(state.toString()).doesNotContain(state.state()).doesNotContain(state.nonce());
  }

  @Test
  void withoutAStorageTargetTheLoginIsCookieOnly() {
    LoginOutcome.Redirect outcome = (LoginOutcome.Redirect) login().initiate(params(null));

    assertThat(outcome.loginState().usesPlatformStorage()).isFalse();
    assertThat(states.find(outcome.loginState().state()).orElseThrow().usesPlatformStorage())
        .isFalse();
  }

  @Test
  void anEmptyOrOverlongStorageTargetFallsBackToTheCookie() {
    assertThat(login().initiate(params(""))).isInstanceOf(LoginOutcome.Redirect.class);
    assertThat(login().initiate(params("f".repeat(PlatformStorage.MAX_TARGET_LENGTH + 1))))
        .isInstanceOf(LoginOutcome.Redirect.class);
    assertThat(login().initiate(params("_parent")))
        .isInstanceOf(LoginOutcome.StoreThenRedirect.class);
  }

  @Test
  void theOriginKeepsANonDefaultPortAndDropsPathAndQuery() {
    assertThat(PlatformStorage.origin(URI.create("http://127.0.0.1:8081/auth?x=1")))
        .isEqualTo("http://127.0.0.1:8081");
    assertThat(
            PlatformStorage.origin(URI.create("HTTPS://Moodle.Example.org:443/mod/lti/auth.php")))
        .isEqualTo("https://moodle.example.org");
  }

  private static Map<String, List<String>> params(@Nullable String storageTarget) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("iss", List.of(ISSUER));
    params.put("login_hint", List.of("u1"));
    params.put("target_link_uri", List.of("https://tool.example.org/app"));
    params.put("client_id", List.of("10000000000001"));
    if (storageTarget != null) {
      params.put("lti_storage_target", List.of(storageTarget));
    }
    return params;
  }

  /** A deterministic source, so that two handlers draw the same state and nonce. */
  private static final class FixedRandom extends java.security.SecureRandom {
    private static final long serialVersionUID = 1L;
    private byte next;

    @Override
    public void nextBytes(byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = next++;
      }
    }
  }
}

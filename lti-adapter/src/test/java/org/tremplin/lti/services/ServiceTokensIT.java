package org.tremplin.lti.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.LtiException;
import org.tremplin.lti.keys.ToolKeys;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.PlatformServices;
import org.tremplin.testing.PlatformServices.Refusal;
import org.tremplin.testing.SimulatedLms;
import org.tremplin.testing.TestKeys;

/** Client-credentials tokens against a strict fake platform over real HTTP (LTI.md §5). */
class ServiceTokensIT {
  private static final String CLIENT = "tremplin-client";
  private static final Set<String> NRPS = Set.of(ServiceScopes.NRPS_MEMBERSHIPS);
  private static final Set<String> SCORES =
      Set.of(ServiceScopes.AGS_SCORE, ServiceScopes.AGS_LINEITEM);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final ToolKeys tool = ToolKeys.generate();
  private final SimulatedLms lms = new SimulatedLms("platform-key");
  private JWKSet published = tool.publicKeySet();
  private final PlatformServices platform =
      new PlatformServices(lms, CLIENT, () -> published, clock);
  private final PlatformRegistration registration =
      new PlatformRegistration(
          "Moodle",
          lms.issuer(),
          CLIENT,
          URI.create(lms.url("/auth")),
          URI.create(platform.tokenUrl()),
          URI.create(lms.url("/jwks")),
          Set.of("1"),
          false);

  @AfterEach
  void stop() {
    lms.close();
  }

  private ServiceTokens tokens() {
    return new ServiceTokens(tool, ServiceTokens.defaultClient(), clock);
  }

  @Test
  void aTokenIsAskedOncePerScopeSetAndReusedUntilShortlyBeforeItExpires() {
    ServiceTokens tokens = tokens();
    AccessToken first = tokens.token(registration, NRPS);
    assertThat(tokens.token(registration, NRPS)).isEqualTo(first);
    assertThat(platform.tokenRequests()).isEqualTo(1);

    AccessToken scores = tokens.token(registration, SCORES);
    assertThat(scores).isNotEqualTo(first);
    assertThat(
            tokens.token(registration, Set.of(ServiceScopes.AGS_LINEITEM, ServiceScopes.AGS_SCORE)))
        .isEqualTo(scores);
    assertThat(platform.tokenRequests()).isEqualTo(2);

    clock.advance(Duration.ofHours(1).minus(ServiceTokens.EXPIRY_MARGIN).minusSeconds(1));
    assertThat(tokens.token(registration, NRPS)).isEqualTo(first);
    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.token(registration, NRPS)).isNotEqualTo(first);
    assertThat(platform.tokenRequests()).isEqualTo(3);
    assertThat(platform.refusals()).isEmpty();
  }

  @Test
  void anAssertionSignedWithAnotherKeyUnderTheSameKidIsRefused() {
    published = new JWKSet(TestKeys.rsa(tool.signingKey().getKeyID()).toPublicJWK());

    assertThatThrownBy(() -> tokens().token(registration, NRPS))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_SERVICE_TOKEN_REFUSED));
    assertThat(platform.refusals()).containsExactly(Refusal.SIGNATURE);
  }

  @Test
  void anAssertionWhoseKeyThePlatformDoesNotKnowIsRefused() {
    published = new JWKSet(TestKeys.rsa("other").toPublicJWK());

    assertThatThrownBy(() -> tokens().token(registration, NRPS))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_SERVICE_TOKEN_REFUSED));
    assertThat(platform.refusals()).containsExactly(Refusal.UNKNOWN_KEY);
  }

  @Test
  void theAudienceIsExactlyTheRegisteredTokenUrl() {
    platform.expectAudience(platform.tokenUrl() + "/");

    assertThatThrownBy(() -> tokens().token(registration, NRPS))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_SERVICE_TOKEN_REFUSED));
    assertThat(platform.refusals()).containsExactly(Refusal.AUDIENCE);
  }

  @Test
  void aReusedJtiIsRefusedByThePlatform() {
    ServiceTokens sameJti =
        new ServiceTokens(
            tool, ServiceTokens.defaultClient(), clock, Duration.ofSeconds(5), () -> "always-1");
    sameJti.token(registration, NRPS);

    assertThatThrownBy(() -> sameJti.token(registration, SCORES))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_SERVICE_TOKEN_REFUSED));
    assertThat(platform.refusals()).containsExactly(Refusal.JTI_REUSED);
  }

  @Test
  void everyAssertionHasAFreshJtiSoManyTokensAreIssued() {
    ServiceTokens tokens = tokens();
    for (int i = 0; i < 5; i++) {
      tokens.token(registration, NRPS);
      clock.advance(Duration.ofHours(1));
    }
    assertThat(platform.tokenRequests()).isEqualTo(5);
    assertThat(platform.refusals()).isEmpty();
  }

  @Test
  void aScopeThePlatformDidNotGrantIsRefused() {
    platform.grant(ServiceScopes.NRPS_MEMBERSHIPS);

    assertThatThrownBy(() -> tokens().token(registration, SCORES))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_SERVICE_TOKEN_REFUSED));
    assertThat(platform.refusals()).containsExactly(Refusal.SCOPE);
  }

  @Test
  void aTokenEndpointThatFailsIsUnreachableNotRefused() {
    platform.refuseTokens(503);

    assertThatThrownBy(() -> tokens().token(registration, NRPS))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_SERVICE_UNREACHABLE));
  }

  @Test
  void aServiceThatAnswers401IsRetriedOnceWithAFreshToken() {
    ServiceTokens tokens = tokens();
    PlatformServices.Course course =
        platform.course("c1").add(PlatformServices.Member.anonymousLearner("u1"));
    AccessToken old = tokens.token(registration, NRPS);
    platform.revokeIssuedTokens();

    ServiceResponse response = tokens.send(registration, NRPS, memberships(course));

    assertThat(response.status()).isEqualTo(200);
    assertThat(platform.tokenRequests()).isEqualTo(2);
    assertThat(tokens.token(registration, NRPS)).isNotEqualTo(old);
    assertThat(course.pageRequests()).isEqualTo(1);
  }

  @Test
  void aServiceThatAnswers401TwiceIsUnauthorizedAfterOneRetry() {
    lms.serve("/always-401", SimulatedLms.failing(401));
    ServiceTokens tokens = tokens();

    assertThatThrownBy(
            () ->
                tokens.send(
                    registration, NRPS, HttpRequest.newBuilder(URI.create(lms.url("/always-401")))))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_SERVICE_UNAUTHORIZED));
    assertThat(platform.tokenRequests()).isEqualTo(2);
  }

  @Test
  void anUnreachablePlatformIsUnreachable() {
    PlatformRegistration nowhere =
        new PlatformRegistration(
            "gone",
            "https://gone.example",
            CLIENT,
            URI.create("https://gone.example/auth"),
            URI.create("http://127.0.0.1:" + org.tremplin.testing.Loopback.freePort() + "/token"),
            URI.create("https://gone.example/jwks"),
            Set.of(),
            false,
            Map.of());

    assertThatThrownBy(() -> tokens().token(nowhere, NRPS))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_SERVICE_UNREACHABLE));
  }

  private static HttpRequest.Builder memberships(PlatformServices.Course course) {
    return HttpRequest.newBuilder(URI.create(course.membershipsUrl()))
        .header("Accept", PlatformServices.MEMBERSHIPS_TYPE)
        .GET();
  }
}

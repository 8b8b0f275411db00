package org.tremplin.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.login.LoginState;
import org.tremplin.testing.IdTokens.Signing;

class LaunchValidatorTest {
  private final LaunchFixture fixture = new LaunchFixture();
  private final Instant inTenMinutes = LaunchFixture.NOW.plusSeconds(600);

  @Test
  void theStepsRunInTheOrderOfLtiMdSectionTwo() {
    assertThat(fixture.validator.stepNames())
        .containsExactly(
            "1 state",
            "2 token format",
            "3 header",
            "4 issuer",
            "5 audience",
            "6 key and signature",
            "7 times",
            "8 nonce",
            "9 version and message type",
            "10 deployment",
            "11 resource link",
            "12 subject");
  }

  @Test
  void aTokenFailingTheSignatureDoesNotBurnItsNonce() {
    fixture.login("s1", "n1", null, inTenMinutes);
    fixture.login("s2", "n1", null, inTenMinutes);
    Map<String, Object> claims = LaunchFixture.validClaims("n1");

    LaunchOutcome forged =
        fixture.validator.validate(
            LaunchRequest.of(
                "s1",
                LaunchFixture.token(claims, "RS256", "platform-rsa", Signing.OTHER),
                LoginState.bindingOf("s1")));
    LaunchOutcome genuine =
        fixture.validator.validate(
            LaunchRequest.of(
                "s2",
                LaunchFixture.token(claims, "RS256", "platform-rsa", Signing.PLATFORM),
                LoginState.bindingOf("s2")));

    assertThat(forged).isEqualTo(new LaunchOutcome.Rejected(LaunchError.SIGNATURE_INVALID));
    assertThat(genuine).isInstanceOf(LaunchOutcome.Accepted.class);
  }

  @Test
  void aPlatformKeyReplacedUnderTheSameKidIsVerifiedWithTheNewKeyNeverACachedOldOne() {
    java.util.concurrent.atomic.AtomicReference<com.nimbusds.jose.jwk.JWK> served =
        new java.util.concurrent.atomic.AtomicReference<>(LaunchFixture.PLATFORM_RSA.toPublicJWK());
    LaunchValidator validator =
        new LaunchValidator(
            fixture.loginStates,
            (url, kid) -> new org.tremplin.lti.keys.KeyLookup.Found(served.get()),
            fixture.nonces,
            LaunchFixture.TOOL,
            LaunchSettings.defaults(),
            fixture.clock);
    fixture.login("k1", "kn1", null, inTenMinutes);
    fixture.login("k2", "kn2", null, inTenMinutes);
    fixture.login("k3", "kn3", null, inTenMinutes);

    LaunchOutcome before =
        validator.validate(
            LaunchRequest.of(
                "k1",
                LaunchFixture.token(
                    LaunchFixture.validClaims("kn1"), "RS256", "platform-rsa", Signing.PLATFORM),
                LoginState.bindingOf("k1")));
    served.set(LaunchFixture.OTHER_RSA.toPublicJWK()); // same kid, new key
    LaunchOutcome withNewKey =
        validator.validate(
            LaunchRequest.of(
                "k2",
                LaunchFixture.token(
                    LaunchFixture.validClaims("kn2"), "RS256", "platform-rsa", Signing.OTHER),
                LoginState.bindingOf("k2")));
    LaunchOutcome withOldKey =
        validator.validate(
            LaunchRequest.of(
                "k3",
                LaunchFixture.token(
                    LaunchFixture.validClaims("kn3"), "RS256", "platform-rsa", Signing.PLATFORM),
                LoginState.bindingOf("k3")));

    assertThat(before).isInstanceOf(LaunchOutcome.Accepted.class);
    assertThat(withNewKey).isInstanceOf(LaunchOutcome.Accepted.class);
    assertThat(withOldKey).isEqualTo(new LaunchOutcome.Rejected(LaunchError.SIGNATURE_INVALID));
  }

  @Test
  void theUsersLanguageAtThePlatformReachesTheLaunchContextAndIsAbsentWhenNotSent() {
    fixture.login("s1", "n1", null, inTenMinutes);
    fixture.login("s2", "n2", null, inTenMinutes);
    Map<String, Object> withLocale = LaunchFixture.validClaims("n1");
    withLocale.put(
        LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", "en_us", "document_target", "iframe"));

    LaunchOutcome english =
        fixture.validator.validate(
            LaunchRequest.of(
                "s1",
                LaunchFixture.token(withLocale, "RS256", "platform-rsa", Signing.PLATFORM),
                LoginState.bindingOf("s1")));
    LaunchOutcome unsaid =
        fixture.validator.validate(
            LaunchRequest.of(
                "s2",
                LaunchFixture.token(
                    LaunchFixture.validClaims("n2"), "RS256", "platform-rsa", Signing.PLATFORM),
                LoginState.bindingOf("s2")));

    assertThat(((LaunchOutcome.Accepted) english).context().presentationLocale())
        .isEqualTo("en_us");
    assertThat(((LaunchOutcome.Accepted) unsaid).context().presentationLocale()).isNull();
  }

  @Test
  void rejectsLaunchWhenNonceWasAlreadyUsed() {
    fixture.login("s1", "n1", null, inTenMinutes);
    fixture.login("s2", "n1", null, inTenMinutes);
    String token =
        LaunchFixture.token(
            LaunchFixture.validClaims("n1"), "RS256", "platform-rsa", Signing.PLATFORM);

    LaunchOutcome first =
        fixture.validator.validate(LaunchRequest.of("s1", token, LoginState.bindingOf("s1")));
    LaunchOutcome replay =
        fixture.validator.validate(LaunchRequest.of("s2", token, LoginState.bindingOf("s2")));

    assertThat(first).isInstanceOf(LaunchOutcome.Accepted.class);
    assertThat(replay).isEqualTo(new LaunchOutcome.Rejected(LaunchError.NONCE_REPLAYED));
    assertThat(fixture.nonces.size()).isEqualTo(1);
  }

  @Test
  void aStateIsConsumedEvenWhenTheLaunchIsRejectedLater() {
    fixture.login("s1", "n1", null, inTenMinutes);
    Map<String, Object> claims = LaunchFixture.validClaims("n1");
    claims.put("iss", "https://evil.example.org");

    fixture.validator.validate(
        LaunchRequest.of(
            "s1",
            LaunchFixture.token(claims, "RS256", "platform-rsa", Signing.PLATFORM),
            LoginState.bindingOf("s1")));

    assertThat(fixture.loginStates.size()).isZero();
  }

  @Test
  void everyErrorCodeHasAStepAndAClientOrServerErrorStatus() {
    for (LaunchError error : LaunchError.values()) {
      assertThat(error.step()).isBetween(0, 12);
      assertThat(error.httpStatus()).isIn(400, 401, 403, 503);
    }
    assertThat(LaunchError.KEYSET_UNAVAILABLE.httpStatus()).isEqualTo(503);
    assertThat(LaunchError.SIGNATURE_INVALID.httpStatus()).isEqualTo(401);
    assertThat(LaunchError.TOKEN_MALFORMED.httpStatus()).isEqualTo(400);
  }

  @Test
  void aConfiguredZeroSkewRejectsAJustExpiredToken() {
    LaunchFixture strict =
        new LaunchFixture(
            false, true, LaunchSettings.defaults().withClockSkew(java.time.Duration.ZERO));
    strict.login("s1", "n1", null, inTenMinutes);
    Map<String, Object> claims = LaunchFixture.validClaims("n1");
    claims.put("exp", LaunchFixture.NOW.getEpochSecond() - 1);

    LaunchOutcome outcome =
        strict.validator.validate(
            LaunchRequest.of(
                "s1",
                LaunchFixture.token(claims, "RS256", "platform-rsa", Signing.PLATFORM),
                LoginState.bindingOf("s1")));

    assertThat(outcome).isEqualTo(new LaunchOutcome.Rejected(LaunchError.TOKEN_EXPIRED));
  }

  @Test
  void theRequestAndLoginStateNeverPrintTheirSecrets() {
    var loginState = fixture.login("secret-state", "secret-nonce", null, inTenMinutes);
    LaunchRequest request =
        LaunchRequest.of(
            "secret-state", "secret.token.value", LoginState.bindingOf("secret-state"));

    assertThat(loginState.toString()).doesNotContain("secret");
    assertThat(request.toString()).doesNotContain("secret");
  }
}

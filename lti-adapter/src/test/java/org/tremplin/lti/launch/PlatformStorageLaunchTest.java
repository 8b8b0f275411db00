package org.tremplin.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.login.LoginState;
import org.tremplin.testing.IdTokens.Signing;

/** The launch of a platform-storage login (LTI.md §1.6): read back, then validate. */
class PlatformStorageLaunchTest {
  private static final String B1 = LoginState.bindingOf("s1");
  private static final String B2 = LoginState.bindingOf("s2");

  private final LaunchFixture fixture = new LaunchFixture();
  private final Instant inTenMinutes = LaunchFixture.NOW.plusSeconds(600);

  private static String token(String nonce) {
    return LaunchFixture.token(
        LaunchFixture.validClaims(nonce), "RS256", LaunchFixture.RSA_KID, Signing.PLATFORM);
  }

  @Test
  void aStorageLaunchWithoutCookieIsReadBackFirstWithoutConsumingTheState() {
    fixture.storageLogin("s1", "n1", inTenMinutes);

    var readBack = fixture.validator.storageReadBack(LaunchRequest.of("s1", token("n1"), null));

    assertThat(readBack)
        .contains(
            new StorageReadBack(
                "post_message_forwarding",
                "https://moodle.example.org",
                "lti_state_s1",
                "lti_nonce_n1"));
    assertThat(fixture.loginStates.find("s1")).isPresent();
    assertThat(readBack.orElseThrow().toString()).doesNotContain("s1").doesNotContain("n1");
  }

  @Test
  void theRePostWithTheStoredValuesIsAcceptedAndConsumesTheState() {
    fixture.storageLogin("s1", "n1", inTenMinutes);
    LaunchRequest first = LaunchRequest.of("s1", token("n1"), null);
    assertThat(fixture.validator.storageReadBack(first)).isPresent();

    LaunchRequest rePost = first.withStoredBindings(B1, B1);

    assertThat(fixture.validator.storageReadBack(rePost)).isEmpty();
    assertThat(fixture.validator.validate(rePost)).isInstanceOf(LaunchOutcome.Accepted.class);
    assertThat(fixture.loginStates.find("s1")).isEmpty();
  }

  @Test
  void aReplayedRePostIsRefused() {
    fixture.storageLogin("s1", "n1", inTenMinutes);
    LaunchRequest rePost = LaunchRequest.of("s1", token("n1"), null).withStoredBindings(B1, B1);
    assertThat(fixture.validator.validate(rePost)).isInstanceOf(LaunchOutcome.Accepted.class);

    assertThat(fixture.validator.validate(rePost))
        .isEqualTo(new LaunchOutcome.Rejected(LaunchError.STATE_UNKNOWN));
    assertThat(fixture.validator.storageReadBack(LaunchRequest.of("s1", token("n1"), null)))
        .isEmpty();
  }

  @Test
  void aWrongStoredValueIsRefusedLikeAWrongCookie() {
    fixture.storageLogin("s1", "n1", inTenMinutes);
    fixture.storageLogin("s2", "n2", inTenMinutes);

    LaunchOutcome wrongStorage =
        fixture.validator.validate(
            LaunchRequest.of("s1", token("n1"), null).withStoredBindings("other", "other"));
    LaunchOutcome wrongCookie =
        fixture.validator.validate(LaunchRequest.of("s2", token("n2"), "x"));

    assertThat(wrongStorage).isEqualTo(new LaunchOutcome.Rejected(LaunchError.STATE_NOT_BOUND));
    assertThat(wrongCookie).isEqualTo(wrongStorage);
  }

  @Test
  void theNonceEntryReadBackMustMatchToo() {
    fixture.storageLogin("s1", "n1", inTenMinutes);
    fixture.storageLogin("s2", "n2", inTenMinutes);

    LaunchOutcome nonceMissing =
        fixture.validator.validate(
            LaunchRequest.of("s1", token("n1"), null).withStoredBindings(B1, null));
    LaunchOutcome nonceWrong =
        fixture.validator.validate(
            LaunchRequest.of("s2", token("n2"), null).withStoredBindings(B2, B1));

    assertThat(nonceMissing).isEqualTo(new LaunchOutcome.Rejected(LaunchError.STATE_NOT_BOUND));
    assertThat(nonceWrong).isEqualTo(new LaunchOutcome.Rejected(LaunchError.STATE_NOT_BOUND));
  }

  @Test
  void nothingReadBackIsRefusedAsUnbound() {
    fixture.storageLogin("s1", "n1", inTenMinutes);

    LaunchOutcome outcome =
        fixture.validator.validate(
            LaunchRequest.of("s1", token("n1"), null).withStoredBindings("", ""));

    assertThat(outcome).isEqualTo(new LaunchOutcome.Rejected(LaunchError.STATE_NOT_BOUND));
  }

  @Test
  void withoutCookieAndWithoutStorageValueTheLaunchIsRefusedAsToday() {
    fixture.storageLogin("s1", "n1", inTenMinutes);

    assertThat(fixture.validator.validate(LaunchRequest.of("s1", token("n1"), null)))
        .isEqualTo(new LaunchOutcome.Rejected(LaunchError.STATE_NOT_BOUND));
  }

  @Test
  void storedValuesDoNotBindACookieOnlyLogin() {
    fixture.login("s1", "n1", null, inTenMinutes);
    LaunchRequest request = LaunchRequest.of("s1", token("n1"), null).withStoredBindings(B1, B1);

    assertThat(fixture.validator.storageReadBack(LaunchRequest.of("s1", token("n1"), null)))
        .isEmpty();
    assertThat(fixture.validator.validate(request))
        .isEqualTo(new LaunchOutcome.Rejected(LaunchError.STATE_NOT_BOUND));
  }

  @Test
  void aStorageLoginWithItsCookieIsValidatedAtOnce() {
    fixture.storageLogin("s1", "n1", inTenMinutes);
    LaunchRequest withCookie = LaunchRequest.of("s1", token("n1"), B1);

    assertThat(fixture.validator.storageReadBack(withCookie)).isEmpty();
    assertThat(fixture.validator.validate(withCookie)).isInstanceOf(LaunchOutcome.Accepted.class);
  }

  @Test
  void aWrongCookieIsNotRescuedByRightStoredValues() {
    fixture.storageLogin("s1", "n1", inTenMinutes);

    assertThat(
            fixture.validator.validate(
                LaunchRequest.of("s1", token("n1"), "wrong").withStoredBindings(B1, B1)))
        .isEqualTo(new LaunchOutcome.Rejected(LaunchError.STATE_NOT_BOUND));
  }

  @Test
  void anExpiredOrUnknownStateOrAPlatformErrorIsNotReadBack() {
    fixture.storageLogin("old", "n1", LaunchFixture.NOW.minusSeconds(1));
    fixture.storageLogin("s2", "n2", inTenMinutes);

    assertThat(fixture.validator.storageReadBack(LaunchRequest.of("old", token("n1"), null)))
        .isEmpty();
    assertThat(fixture.validator.storageReadBack(LaunchRequest.of("never", token("n1"), null)))
        .isEmpty();
    assertThat(
            fixture.validator.storageReadBack(
                new LaunchRequest("s2", null, null, "login_required", "no")))
        .isEmpty();
    assertThat(fixture.validator.validate(LaunchRequest.of("old", token("n1"), null)))
        .isEqualTo(new LaunchOutcome.Rejected(LaunchError.STATE_EXPIRED));
  }
}

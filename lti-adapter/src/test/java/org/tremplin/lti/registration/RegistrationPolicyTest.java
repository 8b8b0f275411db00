package org.tremplin.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1.2.3",
        "10.0.0.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "::ffff:10.0.0.1",
        "::127.0.0.1",
        "64:ff9b::a9fe:a9fe"
      })
  void privateAndSpecialAddressesAreNotPublic(String literal) throws Exception {
    InetAddress address = InetAddress.getByName(literal);

    assertThat(RegistrationPolicy.isPublic(address)).isFalse();
    assertThat(RegistrationPolicy.closed().allowsAddress(address)).isFalse();
    assertThat(
            new RegistrationPolicy(Optional.empty(), List.of(), false, true).allowsAddress(address))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.215.14", "172.32.0.1", "2a00:1450:4007:80f::200e", "8.8.8.8"})
  void publicAddressesArePublic(String literal) throws Exception {
    assertThat(RegistrationPolicy.isPublic(InetAddress.getByName(literal))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"moodle.example.org/", "*", "*.", "a..b", "https://lms.example.org"})
  void aMalformedHostPatternIsRefused(String pattern) {
    assertThatThrownBy(
            () -> new RegistrationPolicy(Optional.empty(), List.of(pattern), false, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void registrationIsEnabledOnlyByAKeyAnAllowListOrOnPurpose() {
    assertThat(RegistrationPolicy.closed().enabled()).isFalse();
    assertThat(new RegistrationPolicy(Optional.of("k"), List.of(), false, false).enabled())
        .isTrue();
    assertThat(new RegistrationPolicy(Optional.empty(), List.of("x.org"), false, false).enabled())
        .isTrue();
    assertThat(new RegistrationPolicy(Optional.empty(), List.of(), true, false).enabled()).isTrue();
    assertThat(new RegistrationPolicy(Optional.of("k"), List.of(), false, false).toString())
        .doesNotContain("k,");
  }
}

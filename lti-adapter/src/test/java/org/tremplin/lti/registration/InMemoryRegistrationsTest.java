package org.tremplin.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryRegistrationsTest {
  private static final String CANVAS = "https://canvas.instructure.com";
  private final PlatformRegistration schoolA = canvas("School A", "10000000000001");
  private final PlatformRegistration schoolB = canvas("School B", "10000000000002");
  private final PlatformRegistration moodle =
      registration("Moodle", "https://moodle.example.org", "abc123");
  private final Registrations registrations =
      new InMemoryRegistrations(List.of(schoolA, schoolB, moodle));

  @Test
  void findsARegistrationByIssuerAndClientId() {
    assertThat(registrations.lookup(CANVAS, "10000000000002")).contains(schoolB);
  }

  @Test
  void fallsBackToTheIssuerAloneWhenOnlyOneRegistrationHasIt() {
    assertThat(registrations.lookup("https://moodle.example.org", null)).contains(moodle);
    assertThat(registrations.lookup("https://moodle.example.org", "")).contains(moodle);
  }

  @Test
  void refusesTheIssuerAloneWhenSeveralRegistrationsShareIt() {
    assertThat(registrations.lookup(CANVAS, null)).isEmpty();
  }

  @Test
  void aClientIdUnknownForTheIssuerFindsNothing() {
    assertThat(registrations.lookup(CANVAS, "abc123")).isEmpty();
    assertThat(registrations.lookup("https://moodle.example.org", "10000000000001")).isEmpty();
  }

  @Test
  void aRecordedDeploymentIsKnownInLaterLookupsOfItsRegistrationOnly() {
    registrations.recordDeployment(CANVAS, "10000000000001", "189:abc");
    registrations.recordDeployment(CANVAS, "10000000000001", "189:abc");
    registrations.recordDeployment("https://evil.example.org", "x", "189:abc");

    assertThat(registrations.lookup(CANVAS, "10000000000001").orElseThrow().deploymentIds())
        .containsExactlyInAnyOrder("1", "189:abc");
    assertThat(registrations.lookup(CANVAS, "10000000000002").orElseThrow().deploymentIds())
        .containsExactly("1");
    assertThat(registrations.lookup("https://evil.example.org", null)).isEmpty();
  }

  @Test
  void anUnknownIssuerFindsNothing() {
    assertThat(registrations.lookup("https://evil.example.org", null)).isEmpty();
  }

  @Test
  void twoRegistrationsWithTheSameIssuerAndClientIdAreRefused() {
    assertThatThrownBy(() -> new InMemoryRegistrations(List.of(schoolA, schoolA)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAutoDeploymentRegistrationAcceptsAnyDeployment() {
    PlatformRegistration auto =
        new PlatformRegistration(
            "Auto",
            CANVAS,
            "1",
            URI.create(CANVAS + "/a"),
            URI.create(CANVAS + "/t"),
            URI.create(CANVAS + "/k"),
            Set.of(),
            true);

    assertThat(auto.accepts("189:7f95")).isTrue();
    assertThat(moodle.accepts("189:7f95")).isFalse();
    assertThat(moodle.accepts("1")).isTrue();
  }

  private static PlatformRegistration canvas(String name, String clientId) {
    return registration(name, CANVAS, clientId);
  }

  private static PlatformRegistration registration(String name, String issuer, String clientId) {
    return new PlatformRegistration(
        name,
        issuer,
        clientId,
        URI.create(issuer + "/auth"),
        URI.create(issuer + "/token"),
        URI.create(issuer + "/jwks"),
        Set.of("1"),
        false);
  }
}

package org.tremplin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.testing.MutableClock;

class FrameAncestorsTest {
  private static PlatformRegistration platform(String issuer, String auth) {
    return new PlatformRegistration(
        "p",
        issuer,
        "client",
        URI.create(auth),
        URI.create(auth + "/token"),
        URI.create(auth + "/certs"),
        Set.of("d"),
        false);
  }

  @Test
  void theIssuerAndAuthorisationOriginsOfEveryRegistrationMayFrameTheTool() {
    String directive =
        FrameAncestors.directive(
            List.of(
                platform("https://moodle.ecole.fr", "https://moodle.ecole.fr/mod/lti/auth.php"),
                platform("http://localhost:8081", "http://LOCALHOST:8081/auth")),
            List.of());

    assertThat(directive)
        .isEqualTo("frame-ancestors 'self' http://localhost:8081 https://moodle.ecole.fr");
  }

  @Test
  void hostedCanvasAddsTheInstructureDomainsWhereCoursesLive() {
    String directive =
        FrameAncestors.directive(
            List.of(
                platform(
                    "https://canvas.instructure.com",
                    "https://sso.canvaslms.com/api/lti/authorize_redirect")),
            List.of("https://canvas.ecole.fr"));

    assertThat(directive)
        .contains("https://*.instructure.com", "https://sso.canvaslms.com")
        .contains("https://canvas.ecole.fr");
  }

  @Test
  void noRegistrationLeavesOnlyTheToolItself() {
    assertThat(FrameAncestors.directive(List.of(), List.of())).isEqualTo("frame-ancestors 'self'");
  }

  @Test
  void anIssuerThatIsNoHttpUrlAddsNothingAndCannotInjectADirective() {
    String directive =
        FrameAncestors.directive(
            List.of(platform("urn:x; script-src *", "https://a.example/auth")), List.of());

    assertThat(directive).isEqualTo("frame-ancestors 'self' https://a.example");
  }

  @Test
  void anExtraOriginThatIsNoOriginIsRefused() {
    for (String bad : List.of("*", "https://a.example/path", "https://a.example; script-src *")) {
      assertThatThrownBy(
              () -> new FrameAncestors(List::of, List.of(bad), new MutableClock(Instant.EPOCH)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aPlatformRegisteredMeanwhileMayFrameTheToolWithinAMinute() {
    List<PlatformRegistration> registrations = new ArrayList<>();
    MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
    FrameAncestors filter = new FrameAncestors(() -> registrations, List.of(), clock);
    assertThat(filter.header()).isEqualTo("frame-ancestors 'self'");

    registrations.add(platform("https://moodle.new.fr", "https://moodle.new.fr/auth"));
    clock.advance(Duration.ofSeconds(30));
    assertThat(filter.header()).isEqualTo("frame-ancestors 'self'");
    clock.advance(Duration.ofSeconds(30));
    assertThat(filter.header()).isEqualTo("frame-ancestors 'self' https://moodle.new.fr");
  }
}

package org.tremplin.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.testing.LtiDatabase;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;

/**
 * Dynamic Registration cannot be used to probe a network: closed by default, no request to a
 * loopback or private address unless allowed, one deadline for a whole request, bodies cut at the
 * bound, no redirect followed, and one answer for every way a configuration cannot be read. Against
 * a {@link MisbehavingServer} on loopback.
 */
class RegistrationSafetyIT {
  private static final ToolDescription TOOL =
      ToolDescription.tremplin(URI.create("https://tremplin.example.org/"));
  private static final Duration DEADLINE = Duration.ofSeconds(2);

  /** Scheduling on a loaded machine; far below what a dripping or hanging server would take. */
  private static final Duration MARGIN = Duration.ofSeconds(3);

  private static final RegistrationPolicy OPEN_PUBLIC_ONLY =
      new RegistrationPolicy(Optional.empty(), List.of(), true, false);
  private static final RegistrationPolicy LOOPBACK_ALLOWED =
      new RegistrationPolicy(Optional.empty(), List.of("127.0.0.1"), false, true);

  private final MisbehavingServer server = start();
  private final UnitOfWork database = LtiDatabase.open(TestDatabase.H2);

  private static MisbehavingServer start() {
    try {
      return new MisbehavingServer();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private DynamicRegistration registration(RegistrationPolicy policy) {
    return new DynamicRegistration(
        TOOL,
        new JdbiRegistrations(
            database, List.of(), new MutableClock(Instant.parse("2025-10-06T08:00:00Z"))),
        policy,
        Duration.ofSeconds(1),
        DEADLINE,
        DynamicRegistration.DEFAULT_MAX_BYTES);
  }

  @Test
  void byDefaultNothingRegistersAndNothingIsFetched() {
    RegistrationOutcome outcome =
        registration(RegistrationPolicy.closed()).register(server.url("/status512"), "t");

    assertRefused(outcome, RegistrationError.REGISTRATION_CLOSED);
    assertThat(server.connections()).isZero();
  }

  @Test
  void aLoopbackConfigurationIsRefusedWithoutConnectingUnlessAllowed() {
    for (String url :
        List.of(
            server.url("/status512"),
            server.url("/status512").replace("127.0.0.1", "localhost"),
            server.url("/status512").replace("127.0.0.1", "[::ffff:127.0.0.1]"))) {
      assertRefused(
          registration(OPEN_PUBLIC_ONLY).register(url, "t"),
          RegistrationError.PLATFORM_UNREACHABLE);
    }
    assertThat(server.connections()).isZero();

    assertRefused(
        registration(LOOPBACK_ALLOWED).register(server.url("/status512"), "t"),
        RegistrationError.PLATFORM_UNREACHABLE);
    assertThat(server.paths()).containsExactly("/status512");
  }

  @Test
  void aHostOutsideTheAllowListIsRefusedWithoutConnecting() {
    RegistrationPolicy moodleCloudOnly =
        new RegistrationPolicy(Optional.empty(), List.of("*.moodlecloud.com"), false, true);

    assertRefused(
        registration(moodleCloudOnly).register(server.url("/status512"), "t"),
        RegistrationError.HOST_NOT_ALLOWED);
    assertThat(server.connections()).isZero();
  }

  @Test
  void aDrippingAnswerIsCutAtTheDeadline() {
    long start = System.nanoTime();

    RegistrationOutcome outcome = registration(LOOPBACK_ALLOWED).register(server.url("/drip"), "t");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(MARGIN));
    assertRefused(outcome, RegistrationError.PLATFORM_UNREACHABLE);
    assertThat(server.paths()).containsExactly("/drip");
  }

  @Test
  void anAnswerThatHangsAfterItsHeadersIsCutAtTheDeadline() {
    long start = System.nanoTime();

    RegistrationOutcome outcome = registration(LOOPBACK_ALLOWED).register(server.url("/hang"), "t");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(MARGIN));
    assertRefused(outcome, RegistrationError.PLATFORM_UNREACHABLE);
  }

  @Test
  void aRedirectIsNotFollowed() {
    assertRefused(
        registration(LOOPBACK_ALLOWED).register(server.url("/redirect"), "t"),
        RegistrationError.PLATFORM_UNREACHABLE);
    assertThat(server.paths()).containsExactly("/redirect");
  }

  @Test
  void aHugeBodyIsCutAtTheSizeBoundWithoutReadingIt() {
    long start = System.nanoTime();

    RegistrationOutcome outcome = registration(LOOPBACK_ALLOWED).register(server.url("/huge"), "t");

    assertRefused(outcome, RegistrationError.PLATFORM_UNREACHABLE);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(MARGIN));
    // the connection was dropped: the server could not write more than socket buffers hold
    assertThat(server.written()).isLessThan(MisbehavingServer.HUGE / 16);
  }

  @Test
  void anUnusualStatusIsUnreadable() {
    assertRefused(
        registration(LOOPBACK_ALLOWED).register(server.url("/status512"), "t"),
        RegistrationError.PLATFORM_UNREACHABLE);
  }

  @Test
  void aClosedPortARefusedAddressAndATimeoutLookTheSame() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RegistrationOutcome closed =
        registration(LOOPBACK_ALLOWED).register("http://127.0.0.1:" + closedPort + "/x", "t");
    RegistrationOutcome refused = registration(OPEN_PUBLIC_ONLY).register(server.url("/x"), "t");
    RegistrationOutcome timedOut =
        registration(LOOPBACK_ALLOWED).register(server.url("/hang"), "t");
    RegistrationOutcome badStatus =
        registration(LOOPBACK_ALLOWED).register(server.url("/status512"), "t");

    assertRefused(closed, RegistrationError.PLATFORM_UNREACHABLE);
    assertThat(List.of(refused, timedOut, badStatus))
        .allSatisfy(o -> assertThat(o).isEqualTo(closed));
  }

  @Test
  void hostPatternsMatchSubDomainsOnly() {
    RegistrationPolicy policy =
        new RegistrationPolicy(
            Optional.empty(), List.of("*.MoodleCloud.com", "lms.example.org"), false, false);

    assertThat(policy.allowsHost("ecole.moodlecloud.com")).isTrue();
    assertThat(policy.allowsHost("a.b.moodlecloud.com")).isTrue();
    assertThat(policy.allowsHost("moodlecloud.com")).isFalse();
    assertThat(policy.allowsHost("evilmoodlecloud.com")).isFalse();
    assertThat(policy.allowsHost("LMS.example.org")).isTrue();
    assertThat(policy.allowsHost("lms.example.org.evil.net")).isFalse();
  }

  private static void assertRefused(RegistrationOutcome outcome, RegistrationError error) {
    assertThat(outcome).isInstanceOf(RegistrationOutcome.Refused.class);
    assertThat(((RegistrationOutcome.Refused) outcome).error()).isEqualTo(error);
  }
}

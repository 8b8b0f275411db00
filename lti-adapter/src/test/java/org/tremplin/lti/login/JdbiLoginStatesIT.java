package org.tremplin.lti.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.registration.InMemoryRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.testing.AllDatabases;
import org.tremplin.lti.testing.LtiDatabase;
import org.tremplin.lti.testing.MutableClock;
import org.tremplin.lti.testing.TestDatabase;

/** Contract of {@link JdbiLoginStates} on H2 and PostgreSQL (LTI.md §1.5, §2.1). */
class JdbiLoginStatesIT {
  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  private static final PlatformRegistration MOODLE =
      new PlatformRegistration(
          "Moodle",
          "https://moodle.example.org",
          "client-1",
          URI.create("https://moodle.example.org/auth"),
          URI.create("https://moodle.example.org/token"),
          URI.create("https://moodle.example.org/certs"),
          Set.of("1"),
          false);

  private final MutableClock clock = new MutableClock(NOW);

  private JdbiLoginStates states(TestDatabase db) {
    return new JdbiLoginStates(
        LtiDatabase.open(db),
        new InMemoryRegistrations(List.of(MOODLE)),
        clock,
        Duration.ofMinutes(10));
  }

  private static LoginState state(String value, Instant expiresAt) {
    return new LoginState(
        value, MOODLE, "nonce-" + value, "https://tool.example.org/lti/launch", "1", expiresAt);
  }

  @AllDatabases
  void aStateIsTakenOnceWithEverything(TestDatabase db) {
    JdbiLoginStates states = states(db);
    LoginState stored = state("s1", NOW.plus(LoginState.TIME_TO_LIVE));
    states.put(stored);

    assertThat(states.take("s1")).contains(stored);
    assertThat(states.take("s1")).isEmpty();
  }

  @AllDatabases
  void theDeploymentHintMayBeAbsent(TestDatabase db) {
    JdbiLoginStates states = states(db);
    LoginState stored =
        new LoginState("s2", MOODLE, "n", "https://tool.example.org/x", null, NOW.plusSeconds(60));
    states.put(stored);

    assertThat(states.take("s2")).contains(stored);
  }

  @AllDatabases
  void aPlatformStorageLoginKeepsItsStorageTarget(TestDatabase db) {
    JdbiLoginStates states = states(db);
    LoginState stored =
        new LoginState(
            "s6",
            MOODLE,
            "n6",
            "https://tool.example.org/x",
            null,
            NOW.plusSeconds(60),
            "post_message_forwarding");
    states.put(stored);

    assertThat(states.find("s6")).contains(stored);
    assertThat(states.take("s6").orElseThrow().storageTarget())
        .isEqualTo("post_message_forwarding");
  }

  @AllDatabases
  void findingAStateDoesNotConsumeIt(TestDatabase db) {
    JdbiLoginStates states = states(db);
    LoginState stored = state("s7", NOW.plusSeconds(60));
    states.put(stored);

    assertThat(states.find("s7")).contains(stored);
    assertThat(states.find("s7")).contains(stored);
    assertThat(states.take("s7")).contains(stored);
    assertThat(states.find("s7")).isEmpty();
    assertThat(states.find("never-stored")).isEmpty();
  }

  @AllDatabases
  void anUnknownStateIsEmpty(TestDatabase db) {
    assertThat(states(db).take("never-stored")).isEmpty();
  }

  @AllDatabases
  void anExpiredStateIsReturnedWithinItsGracePeriodSoTheLaunchCanSayExpired(TestDatabase db) {
    JdbiLoginStates states = states(db);
    states.put(state("s3", NOW.plusSeconds(600)));
    clock.advance(Duration.ofMinutes(15));

    Optional<LoginState> taken = states.take("s3");
    assertThat(taken).isPresent();
    assertThat(taken.get().isExpiredAt(clock.instant())).isTrue();
  }

  @AllDatabases
  void anExpiredStateIsNotReturnedAfterItsGracePeriod(TestDatabase db) {
    JdbiLoginStates states = states(db);
    states.put(state("s4", NOW.plusSeconds(600)));
    clock.advance(Duration.ofMinutes(21));

    assertThat(states.take("s4")).isEmpty();
  }

  @AllDatabases
  void aStateWhoseRegistrationWasRemovedIsUnknown(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    new JdbiLoginStates(database, new InMemoryRegistrations(List.of(MOODLE)), clock)
        .put(state("s5", NOW.plusSeconds(600)));

    assertThat(
            new JdbiLoginStates(database, new InMemoryRegistrations(List.of()), clock).take("s5"))
        .isEmpty();
  }

  @AllDatabases
  void twoNodesRacingToTakeOneStateGetItOnceBetweenThem(TestDatabase db) throws Exception {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiLoginStates nodeA =
        new JdbiLoginStates(database, new InMemoryRegistrations(List.of(MOODLE)), clock);
    JdbiLoginStates nodeB =
        new JdbiLoginStates(database, new InMemoryRegistrations(List.of(MOODLE)), clock);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String value = "race-" + round;
        nodeA.put(state(value, NOW.plusSeconds(600)));
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> takeA = () -> awaitThen(start, () -> nodeA.take(value).isPresent());
        Callable<Boolean> takeB = () -> awaitThen(start, () -> nodeB.take(value).isPresent());
        Future<Boolean> a = pool.submit(takeA);
        Future<Boolean> b = pool.submit(takeB);
        start.countDown();

        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static <T> T awaitThen(CountDownLatch start, Callable<T> action) throws Exception {
    start.await();
    return action.call();
  }
}

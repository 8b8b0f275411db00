package org.tremplin.lti.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.launch.JdbiNonces;
import org.tremplin.lti.session.AppSession;
import org.tremplin.lti.session.JdbiSessions;
import org.tremplin.lti.testing.LtiDatabase;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;

/** The purges that left the request path (issue 10, item 4), on H2 and PostgreSQL. */
class HousekeepingIT {
  private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
  private static final String ISS = "https://moodle.example.org";

  private final MutableClock clock = new MutableClock(NOW);

  private static Housekeeping housekeeping(JdbiNonces nonces, JdbiSessions sessions) {
    return new Housekeeping(
        List.of(
            new Housekeeping.Task("nonces", nonces::purgeExpired),
            new Housekeeping.Task("sessions", sessions::purgeExpired)),
        Duration.ofMinutes(1));
  }

  private static AppSession draft() {
    return new AppSession(
        "person-1", "Ada Lovelace", List.of(), null, null, Locale.FRENCH, NOW.plusSeconds(1));
  }

  @AllDatabases
  void aRoundDeletesExpiredNoncesAndSessionsAndKeepsTheLiveOnes(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiNonces nonces = new JdbiNonces(database, clock);
    JdbiSessions sessions =
        new JdbiSessions(database, clock, Duration.ofMinutes(30), new java.security.SecureRandom());
    nonces.consume(ISS, "short", NOW.plusSeconds(60));
    nonces.consume(ISS, "long", NOW.plusSeconds(3600));
    String old = sessions.open(draft()).token();
    clock.advance(Duration.ofMinutes(45));
    String fresh = sessions.open(draft()).token();

    Map<String, Integer> deleted = housekeeping(nonces, sessions).runOnce();

    assertThat(deleted).containsExactly(Map.entry("nonces", 1), Map.entry("sessions", 1));
    assertThat(nonces.isUsed(ISS, "long")).isTrue();
    assertThat(sessions.find(fresh)).isPresent();
    assertThat(sessions.find(old)).isEmpty();
    assertThat(housekeeping(nonces, sessions).runOnce())
        .containsExactly(Map.entry("nonces", 0), Map.entry("sessions", 0));
  }

  @AllDatabases
  void twoNodesPurgingAtOnceBothFinishAndDeleteEachRowOnce(TestDatabase db) throws Exception {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiNonces nonces = new JdbiNonces(database, clock);
    for (int i = 0; i < 500; i++) {
      nonces.consume(ISS, "n" + i, NOW.plusSeconds(60));
    }
    clock.advance(Duration.ofMinutes(2));
    JdbiSessions sessions = new JdbiSessions(database, clock);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Map<String, Integer>>> nodes =
        List.of(1, 2).stream()
            .map(
                n ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            go.await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return housekeeping(nonces, sessions).runOnce();
                        }))
            .toList();
    go.countDown();

    int purged = 0;
    for (CompletableFuture<Map<String, Integer>> node : nodes) {
      Map<String, Integer> round = node.get();
      assertThat(round).containsKeys("nonces", "sessions");
      purged += round.get("nonces");
    }
    assertThat(purged).isEqualTo(500);
  }

  @AllDatabases
  void aFailingTaskIsSkippedAndTheOthersStillRun(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiNonces nonces = new JdbiNonces(database, clock);
    nonces.consume(ISS, "short", NOW.plusSeconds(60));
    clock.advance(Duration.ofMinutes(2));
    Housekeeping housekeeping =
        new Housekeeping(
            List.of(
                new Housekeeping.Task(
                    "broken",
                    () -> {
                      throw new IllegalStateException("lock timeout");
                    }),
                new Housekeeping.Task("nonces", nonces::purgeExpired)),
            Duration.ofMinutes(1));

    assertThat(housekeeping.runOnce()).containsExactly(Map.entry("nonces", 1));
  }
}

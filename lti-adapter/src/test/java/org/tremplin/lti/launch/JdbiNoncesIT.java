package org.tremplin.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.testing.LtiDatabase;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;

/** Contract of {@link JdbiNonces} on H2 and PostgreSQL (LTI.md §2.8). */
class JdbiNoncesIT {
  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  private static final String ISS = "https://moodle.example.org";

  private final MutableClock clock = new MutableClock(NOW);

  @AllDatabases
  void aNonceIsAcceptedOnceThenRefusedAsAReplay(TestDatabase db) {
    JdbiNonces nonces = new JdbiNonces(LtiDatabase.open(db), clock);

    assertThat(nonces.consume(ISS, "n1", NOW.plusSeconds(300))).isTrue();
    assertThat(nonces.consume(ISS, "n1", NOW.plusSeconds(300))).isFalse();
  }

  @AllDatabases
  void aNonceReadsAsUsedOnlyOnceConsumedAndOnlyForItsIssuer(TestDatabase db) {
    JdbiNonces nonces = new JdbiNonces(LtiDatabase.open(db), clock);
    assertThat(nonces.isUsed(ISS, "n1")).isFalse();

    nonces.consume(ISS, "n1", NOW.plusSeconds(300));

    assertThat(nonces.isUsed(ISS, "n1")).isTrue();
    assertThat(nonces.isUsed(ISS, "n2")).isFalse();
    assertThat(nonces.isUsed("https://canvas.instructure.com", "n1")).isFalse();
  }

  @AllDatabases
  void theSameNonceFromAnotherIssuerIsAnotherNonce(TestDatabase db) {
    JdbiNonces nonces = new JdbiNonces(LtiDatabase.open(db), clock);

    assertThat(nonces.consume(ISS, "n1", NOW.plusSeconds(300))).isTrue();
    assertThat(nonces.consume("https://canvas.instructure.com", "n1", NOW.plusSeconds(300)))
        .isTrue();
  }

  @AllDatabases
  void twoNodesRacingToConsumeOneNonceHaveExactlyOneWinner(TestDatabase db) throws Exception {
    UnitOfWork database = LtiDatabase.open(db);
    int nodes = 8;
    List<JdbiNonces> cluster = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      cluster.add(new JdbiNonces(database, clock));
    }
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      for (int round = 0; round < 10; round++) {
        String nonce = "race-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (JdbiNonces node : cluster) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return node.consume(ISS, nonce, NOW.plusSeconds(300));
                  }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
          winners += result.get() ? 1 : 0;
        }
        assertThat(winners).as("winners of round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @AllDatabases
  void consumingANonceNeverPurgesTheExpiredOnesThatIsHousekeepingsJob(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiNonces nonces = new JdbiNonces(database, clock);
    nonces.consume(ISS, "old", NOW.plusSeconds(60));
    clock.advance(Duration.ofMinutes(5));

    nonces.consume(ISS, "new", clock.instant().plusSeconds(60));

    assertThat(rows(database)).isEqualTo(2);
    assertThat(nonces.purgeExpired()).isEqualTo(1);
    assertThat(rows(database)).isEqualTo(1);
  }

  @AllDatabases
  void anExplicitPurgeKeepsNoncesStillInTheirWindow(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiNonces nonces = new JdbiNonces(database, clock);
    nonces.consume(ISS, "short", NOW.plusSeconds(60));
    nonces.consume(ISS, "long", NOW.plusSeconds(600));
    clock.advance(Duration.ofMinutes(2));

    assertThat(nonces.purgeExpired()).isEqualTo(1);
    assertThat(nonces.consume(ISS, "long", NOW.plusSeconds(600))).isFalse();
  }

  private static long rows(UnitOfWork database) {
    return database.read(
        h -> h.createQuery("select count(*) from tremplin_lti_nonce").mapTo(Long.class).one());
  }
}

package org.tremplin.lti.deeplinking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tremplin.api.CohortId;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.launch.DeepLinkingSettings;
import org.tremplin.lti.testing.LtiDatabase;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;

/** Contract of {@link JdbiDeepLinkingRequests} on H2 and PostgreSQL (LTI.md §4). */
class JdbiDeepLinkingRequestsIT {
  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);

  private static PendingDeepLinking pending(String data) {
    return new PendingDeepLinking(
        "person-1",
        "https://moodle.example.org",
        "client-1",
        "3",
        new CohortId(UUID.fromString("7d1c1a52-3f0c-4c57-9d1e-3a1d2a0b9c11")),
        new DeepLinkingSettings(
            URI.create("https://moodle.example.org/mod/lti/contentitem_return.php?course=2"),
            List.of("ltiResourceLink"),
            List.of("iframe", "window"),
            List.of("application/vnd.ims.lti.v1.ltilink"),
            true,
            false,
            true,
            "Tremplin",
            data),
        Locale.ENGLISH,
        Instant.EPOCH);
  }

  @AllDatabases
  void aStoredRequestComesBackWhole(TestDatabase db) {
    JdbiDeepLinkingRequests requests = new JdbiDeepLinkingRequests(LtiDatabase.open(db), clock);
    PendingDeepLinking draft = pending("{\"opaque\": \"é ✓\"}");

    String token = requests.save(draft);

    assertThat(token).hasSize(43);
    PendingDeepLinking found = requests.find(token).orElseThrow();
    assertThat(found.settings()).isEqualTo(draft.settings());
    assertThat(found.personId()).isEqualTo("person-1");
    assertThat(found.cohortId()).isEqualTo(draft.cohortId());
    assertThat(found.locale()).isEqualTo(Locale.ENGLISH);
    assertThat(found.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(requests.find(token)).isPresent(); // finding does not consume
  }

  @AllDatabases
  void aRequestIsTakenOnceAndItsTokenIsNotStored(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiDeepLinkingRequests requests = new JdbiDeepLinkingRequests(database, clock);
    String token = requests.save(pending(null));

    int leaked =
        database.read(
            h ->
                h.createQuery(
                        "select count(*) from tremplin_lti_deep_linking"
                            + " where request_hash = :t or settings like :like")
                    .bind("t", token)
                    .bind("like", "%" + token + "%")
                    .mapTo(Integer.class)
                    .one());
    assertThat(leaked).isZero();
    assertThat(requests.take(token)).isPresent();
    assertThat(requests.take(token)).isEmpty();
    assertThat(requests.find(token)).isEmpty();
    assertThat(requests.find("unknown")).isEmpty();
    assertThat(requests.find("")).isEmpty();
    assertThat(requests.find("x".repeat(101))).isEmpty();
  }

  @AllDatabases
  void anExpiredRequestIsNeverReturnedAndIsPurged(TestDatabase db) {
    JdbiDeepLinkingRequests requests = new JdbiDeepLinkingRequests(LtiDatabase.open(db), clock);
    String old = requests.save(pending("old"));
    clock.advance(Duration.ofMinutes(30));
    String recent = requests.save(pending("recent"));
    clock.advance(Duration.ofMinutes(31));

    assertThat(requests.find(old)).isEmpty();
    assertThat(requests.take(old)).isEmpty();
    assertThat(requests.find(recent)).isPresent();
    assertThat(requests.purgeExpired()).isEqualTo(1);
    assertThat(requests.find(recent)).isPresent();
  }

  @AllDatabases
  void twoNodesTakingOneRequestHaveExactlyOneWinner(TestDatabase db) throws Exception {
    UnitOfWork database = LtiDatabase.open(db);
    String token = new JdbiDeepLinkingRequests(database, clock).save(pending("race"));
    int nodes = 6;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        JdbiDeepLinkingRequests node = new JdbiDeepLinkingRequests(database, clock);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return node.take(token).isPresent();
                }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}

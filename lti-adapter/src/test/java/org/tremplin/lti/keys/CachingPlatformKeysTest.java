package org.tremplin.lti.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestKeys;

class CachingPlatformKeysTest {
  private static final URI MOODLE = URI.create("https://moodle.example.org/mod/lti/certs.php");
  private static final URI CANVAS = URI.create("https://sso.canvaslms.com/api/lti/security/jwks");
  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-06T08:00:00Z"));
  private final RSAKey first = TestKeys.rsa("k1");
  private final RSAKey second = TestKeys.rsa("k2");
  private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first));
  private final AtomicInteger fetches = new AtomicInteger();
  private final JwksFetcher fetcher =
      url -> {
        fetches.incrementAndGet();
        if (url.equals(CANVAS)) {
          throw new KeysetUnavailableException("down: " + url);
        }
        return published.get();
      };
  private final CachingPlatformKeys keys =
      new CachingPlatformKeys(fetcher, clock, Duration.ofHours(1), Duration.ofSeconds(30));

  @Test
  void aKnownKidIsServedFromTheCache() {
    keys.find(MOODLE, "k1");
    KeyLookup again = keys.find(MOODLE, "k1");

    assertThat(again).isEqualTo(new KeyLookup.Found(first.toPublicJWK()));
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aKidMissRefetchesOnceAndFindsARotatedKey() {
    keys.find(MOODLE, "k1");
    clock.advance(Duration.ofMinutes(5));
    published.set(new JWKSet(List.of(first, second)));

    KeyLookup rotated = keys.find(MOODLE, "k2");

    assertThat(rotated).isEqualTo(new KeyLookup.Found(second.toPublicJWK()));
    assertThat(fetches).hasValue(2);
  }

  @Test
  void repeatedMissesWithinTheIntervalDoNotRefetch() {
    keys.find(MOODLE, "k1");
    clock.advance(Duration.ofMinutes(5));

    KeyLookup firstMiss = keys.find(MOODLE, "forged-1");
    KeyLookup secondMiss = keys.find(MOODLE, "forged-2");

    assertThat(firstMiss).isEqualTo(new KeyLookup.Missing());
    assertThat(secondMiss).isEqualTo(new KeyLookup.Missing());
    assertThat(fetches).hasValue(2);
  }

  @Test
  void theKeysetIsRefetchedAfterItsTimeToLive() {
    keys.find(MOODLE, "k1");
    clock.advance(Duration.ofHours(2));

    keys.find(MOODLE, "k1");

    assertThat(fetches).hasValue(2);
  }

  @Test
  void aPlatformWhoseKeysetIsDownFailsAloneAndIsNotHammered() {
    KeyLookup down = keys.find(CANVAS, "k1");
    KeyLookup downAgain = keys.find(CANVAS, "k1");
    KeyLookup moodle = keys.find(MOODLE, "k1");

    assertThat(down).isEqualTo(new KeyLookup.Unavailable());
    assertThat(downAgain).isEqualTo(new KeyLookup.Unavailable());
    assertThat(moodle).isInstanceOf(KeyLookup.Found.class);
    assertThat(fetches).hasValue(2);
  }

  private static boolean parked(Thread t) {
    Thread.State state = t.getState();
    return state == Thread.State.WAITING
        || state == Thread.State.TIMED_WAITING
        || state == Thread.State.BLOCKED;
  }

  @Test
  void concurrentMissesAreCoalescedIntoOneFetch() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger slowFetches = new AtomicInteger();
    CachingPlatformKeys slow =
        new CachingPlatformKeys(
            url -> {
              slowFetches.incrementAndGet();
              try {
                release.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new JWKSet(first);
            },
            clock);
    List<Thread> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r);
              workers.add(t);
              return t;
            });
    CountDownLatch entered = new CountDownLatch(8);
    try {
      List<Future<KeyLookup>> lookups = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        lookups.add(
            pool.submit(
                () -> {
                  entered.countDown();
                  return slow.find(MOODLE, "k1");
                }));
      }
      // every lookup is inside find and parked (one in the fetch, seven waiting on it): no sleep
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!workers.stream().allMatch(CachingPlatformKeysTest::parked)) {
        assertThat(System.nanoTime()).as("lookups parked within 5 s").isLessThan(deadline);
        Thread.onSpinWait();
      }
      release.countDown();
      for (Future<KeyLookup> lookup : lookups) {
        assertThat(lookup.get(5, TimeUnit.SECONDS)).isInstanceOf(KeyLookup.Found.class);
      }
      assertThat(slowFetches).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void onlyPublicKeysAreEverReturned() {
    published.set(new JWKSet(first));

    KeyLookup lookup = keys.find(MOODLE, "k1");

    assertThat(((KeyLookup.Found) lookup).key().isPrivate()).isFalse();
  }
}

package org.tremplin.lti.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Platform keys cached per keyset URL (LTI.md §2.6, §8). A keyset is kept for at most {@code
 * timeToLive}; on a {@code kid} miss it is re-fetched once, unless it was fetched less than {@code
 * minRefetchInterval} ago (so forged kids cannot make us hammer the platform); concurrent fetches
 * of one URL are coalesced into one. A failed fetch makes only that platform's lookups {@link
 * KeyLookup.Unavailable}, and is itself rate-limited. Thread-safe.
 */
public final class CachingPlatformKeys implements PlatformKeys {
  /** Default keyset time to live. */
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofHours(1);

  /** Default minimum interval between two fetches of one keyset. */
  public static final Duration DEFAULT_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(CachingPlatformKeys.class);

  private final JwksFetcher fetcher;
  private final Clock clock;
  private final Duration timeToLive;
  private final Duration minRefetchInterval;
  private final ConcurrentMap<URI, Entry> cache = new ConcurrentHashMap<>();
  private final ConcurrentMap<URI, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();

  /**
   * With the default time to live (1 h) and refetch interval (30 s).
   *
   * @param fetcher the fetcher
   * @param clock the clock read for "now"
   */
  public CachingPlatformKeys(JwksFetcher fetcher, Clock clock) {
    this(fetcher, clock, DEFAULT_TIME_TO_LIVE, DEFAULT_MIN_REFETCH_INTERVAL);
  }

  /**
   * With explicit durations.
   *
   * @param fetcher the fetcher
   * @param clock the clock read for "now"
   * @param timeToLive the time to live
   * @param minRefetchInterval the min refetch interval
   */
  public CachingPlatformKeys(
      JwksFetcher fetcher, Clock clock, Duration timeToLive, Duration minRefetchInterval) {
    this.fetcher = fetcher;
    this.clock = clock;
    this.timeToLive = timeToLive;
    this.minRefetchInterval = minRefetchInterval;
  }

  @Override
  public KeyLookup find(URI jwksUrl, String kid) {
    Instant now = clock.instant();
    Entry cached = cache.get(jwksUrl);
    if (cached != null && cached.isFresh(now, timeToLive)) {
      JWK key = cached.key(kid);
      if (key != null) {
        return new KeyLookup.Found(key);
      }
    }
    if (cached != null && cached.fetchedRecently(now, minRefetchInterval)) {
      return cached.keys == null ? new KeyLookup.Unavailable() : new KeyLookup.Missing();
    }
    Entry fetched = fetchCoalesced(jwksUrl);
    if (fetched.keys == null) {
      return new KeyLookup.Unavailable();
    }
    JWK key = fetched.key(kid);
    return key == null ? new KeyLookup.Missing() : new KeyLookup.Found(key);
  }

  private Entry fetchCoalesced(URI jwksUrl) {
    CompletableFuture<Entry> mine = new CompletableFuture<>();
    CompletableFuture<Entry> running = inFlight.putIfAbsent(jwksUrl, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        return new Entry(null, clock.instant());
      }
    }
    try {
      Entry entry;
      try {
        entry = new Entry(fetcher.fetch(jwksUrl).toPublicJWKSet(), clock.instant());
        LOG.debug("Platform keyset fetched from {}", jwksUrl);
      } catch (KeysetUnavailableException | RuntimeException e) {
        LOG.warn("KEYSET_UNAVAILABLE: platform keyset {} could not be read", jwksUrl);
        entry = new Entry(null, clock.instant());
      }
      cache.put(jwksUrl, entry);
      mine.complete(entry);
      return entry;
    } finally {
      inFlight.remove(jwksUrl, mine);
    }
  }

  /** A fetched keyset, or a failed fetch ({@code keys == null}), with its time. */
  private record Entry(@Nullable JWKSet keys, Instant fetchedAt) {
    boolean isFresh(Instant now, Duration timeToLive) {
      return keys != null && now.isBefore(fetchedAt.plus(timeToLive));
    }

    boolean fetchedRecently(Instant now, Duration interval) {
      return now.isBefore(fetchedAt.plus(interval));
    }

    @Nullable JWK key(String kid) {
      return keys == null ? null : keys.getKeyByKeyId(kid);
    }
  }
}

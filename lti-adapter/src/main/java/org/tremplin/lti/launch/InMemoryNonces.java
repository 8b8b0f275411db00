package org.tremplin.lti.launch;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Used nonces in a concurrent map, for one node or tests. Thread-safe; {@link #consume} is atomic.
 * Entries are purged once past their keep-until time, by the injected clock; the scan runs only
 * once the earliest keep-until time has passed.
 */
public final class InMemoryNonces implements Nonces {
  private final ConcurrentMap<String, Instant> used = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Guards the purge scan and the writes of {@link #earliest}. */
  private final Object purgeLock = new Object();

  /**
   * The earliest keep-until time held (written under {@link #purgeLock}): no purge scan is needed
   * before it.
   */
  private volatile Instant earliest = Instant.MAX;

  /**
   * Purges by this clock.
   *
   * @param clock the clock read for "now"
   */
  public InMemoryNonces(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean consume(String issuer, String nonce, Instant keepUntil) {
    Instant now = clock.instant();
    if (now.isAfter(earliest)) { // something may have expired: purge (O(n)), else skip
      synchronized (purgeLock) {
        used.values().removeIf(until -> until.isBefore(now));
        earliest = used.values().stream().min(Instant::compareTo).orElse(Instant.MAX);
      }
    }
    boolean first = used.putIfAbsent(issuer + "\u0000" + nonce, keepUntil) == null;
    if (first) {
      // after the put: a purge running meanwhile either sees the nonce or is followed by this
      synchronized (purgeLock) {
        if (keepUntil.isBefore(earliest)) {
          earliest = keepUntil;
        }
      }
    }
    return first;
  }

  /**
   * How many nonces are held.
   *
   * @return how many nonces are held
   */
  public int size() {
    return used.size();
  }
}

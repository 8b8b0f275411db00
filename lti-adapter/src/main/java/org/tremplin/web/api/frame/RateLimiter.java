package org.tremplin.web.api.frame;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Requests per minute per token, as a token bucket per token id: a token may send {@code perMinute}
 * requests at once, then one more every {@code 60 / perMinute} seconds. Counted in this node's
 * memory (a load balancer spreading a client over N nodes gives it up to N times the rate;
 * docs/api.md). Thread-safe.
 */
public final class RateLimiter {
  private final int perMinute;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * A limiter on the system's monotonic clock.
   *
   * @param perMinute requests per minute per token; 0 turns the limit off
   */
  public RateLimiter(int perMinute) {
    this(perMinute, System::nanoTime);
  }

  /**
   * A limiter on this monotonic clock (tests move it).
   *
   * @param perMinute requests per minute per token; 0 turns the limit off
   * @param nanoTime the monotonic clock, in nanoseconds
   */
  public RateLimiter(int perMinute, LongSupplier nanoTime) {
    if (perMinute < 0) {
      throw new IllegalArgumentException("a rate limit cannot be negative: " + perMinute);
    }
    this.perMinute = perMinute;
    this.nanoTime = nanoTime;
  }

  /**
   * The limit.
   *
   * @return requests per minute per token; 0 when off
   */
  public int perMinute() {
    return perMinute;
  }

  /**
   * Takes one request from a token's allowance.
   *
   * @param token the token's id
   * @return 0 when the request may go, otherwise the seconds until it may
   */
  public long acquire(String token) {
    if (perMinute == 0) {
      return 0;
    }
    return buckets
        .computeIfAbsent(token, t -> new Bucket(perMinute, nanoTime.getAsLong()))
        .take(perMinute, nanoTime.getAsLong());
  }

  private static final class Bucket {
    private double tokens; // guarded by this
    private long last; // guarded by this

    Bucket(int capacity, long now) {
      this.tokens = capacity;
      this.last = now;
    }

    synchronized long take(int perMinute, long now) {
      double perNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
      tokens = Math.min(perMinute, tokens + Math.max(0, now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      double wait = (1 - tokens) / perNano;
      return (long) Math.ceil(wait / TimeUnit.SECONDS.toNanos(1));
    }
  }
}

package org.tremplin.core.outbox;

import java.time.Duration;
import org.tremplin.api.TremplinException;

/**
 * How the {@link EventRelay} paces itself.
 *
 * @param pollInterval the pause between two passes of a started relay
 * @param batchSize the deliveries one consumer claims at a time (1 to 1000)
 * @param lease how long a claimed delivery is reserved to the relay that claimed it: longer than a
 *     consumer's slowest call, or the event may be delivered twice at once
 * @param firstRetry the delay before the first retry of a failed delivery; it doubles per attempt
 * @param maxRetry the longest delay between two attempts (deliveries are retried forever)
 * @param closeGrace how long {@link EventRelay#close} waits for the delivery in flight
 */
public record RelaySettings(
    Duration pollInterval,
    int batchSize,
    Duration lease,
    Duration firstRetry,
    Duration maxRetry,
    Duration closeGrace) {
  /**
   * Durations positive, first retry not above the max, batch in range.
   *
   * @param pollInterval the poll interval
   * @param batchSize the batch size
   * @param lease the lease
   * @param firstRetry the first retry
   * @param maxRetry the max retry
   * @param closeGrace the close grace
   */
  public RelaySettings {
    positive(pollInterval, "pollInterval");
    positive(lease, "lease");
    positive(firstRetry, "firstRetry");
    positive(maxRetry, "maxRetry");
    TremplinException.required(closeGrace, "closeGrace");
    TremplinException.check(!closeGrace.isNegative(), "closeGrace is negative");
    TremplinException.check(
        firstRetry.compareTo(maxRetry) <= 0, "firstRetry is longer than maxRetry");
    TremplinException.check(
        batchSize >= 1 && batchSize <= 1000, "batchSize must be 1 to 1000, got " + batchSize);
  }

  /**
   * One second between passes, 50 per batch, 30 s leases, retries from 5 s to 1 h, 10 s grace.
   *
   * @return the relay settings
   */
  public static RelaySettings defaults() {
    return new RelaySettings(
        Duration.ofSeconds(1),
        50,
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofHours(1),
        Duration.ofSeconds(10));
  }

  /**
   * The same with another poll interval.
   *
   * @param interval the interval
   * @return the same with another poll interval
   */
  public RelaySettings withPollInterval(Duration interval) {
    return new RelaySettings(interval, batchSize, lease, firstRetry, maxRetry, closeGrace);
  }

  /**
   * The delay before the next attempt after {@code attempts} failed ones (at least 1).
   *
   * @param attempts the attempts
   * @return the delay before the next attempt after {@code attempts} failed ones (at least 1)
   */
  public Duration backoff(int attempts) {
    Duration delay = firstRetry;
    for (int i = 1; i < attempts && delay.compareTo(maxRetry) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
  }

  private static void positive(Duration d, String name) {
    TremplinException.required(d, name);
    TremplinException.check(!d.isNegative() && !d.isZero(), name + " must be positive");
  }
}

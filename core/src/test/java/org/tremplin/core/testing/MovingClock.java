package org.tremplin.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it forward. Thread-safe. */
public final class MovingClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A clock on this instant, in this zone. */
  public MovingClock(Instant start, ZoneId zone) {
    this.now = new AtomicReference<>(start);
    this.zone = zone;
  }

  /** Moves the clock forward. */
  public void advance(Duration by) {
    now.updateAndGet(i -> i.plus(by));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new MovingClock(now.get(), other);
  }
}

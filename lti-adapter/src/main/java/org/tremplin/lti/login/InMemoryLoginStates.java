package org.tremplin.lti.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Login states in a concurrent map, for one node or tests. Thread-safe; {@link #take} is atomic.
 * Expired states are kept for a grace period (so the launch reports STATE_EXPIRED), then purged by
 * the injected clock; the purge scan runs only once the earliest expiry plus grace has passed.
 */
public final class InMemoryLoginStates implements LoginStates {
  private final ConcurrentMap<String, LoginState> states = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration grace;

  /** Guards the purge scan and the writes of {@link #earliest}. */
  private final Object purgeLock = new Object();

  /**
   * No state held expires before this (written under {@link #purgeLock}): no purge scan is needed
   * until it is older than the grace.
   */
  private volatile Instant earliest = Instant.MAX;

  /**
   * Keeps expired states for ten minutes after their expiry.
   *
   * @param clock the clock read for "now"
   */
  public InMemoryLoginStates(Clock clock) {
    this(clock, LoginState.TIME_TO_LIVE);
  }

  /**
   * Keeps expired states for {@code grace} after their expiry.
   *
   * @param clock the clock read for "now"
   * @param grace the grace
   */
  public InMemoryLoginStates(Clock clock, Duration grace) {
    this.clock = clock;
    this.grace = grace;
  }

  @Override
  public LoginState put(LoginState loginState) {
    purge();
    states.put(loginState.state(), loginState);
    // after the put: a purge running meanwhile either sees the state or is followed by this
    synchronized (purgeLock) {
      if (loginState.expiresAt().isBefore(earliest)) {
        earliest = loginState.expiresAt();
      }
    }
    return loginState;
  }

  @Override
  public Optional<LoginState> take(String state) {
    purge();
    return Optional.ofNullable(states.remove(state));
  }

  @Override
  public Optional<LoginState> find(String state) {
    purge();
    return Optional.ofNullable(states.get(state));
  }

  /**
   * How many states are held (expired ones within their grace period included).
   *
   * @return how many states are held (expired ones within their grace period included)
   */
  public int size() {
    return states.size();
  }

  private void purge() {
    Instant cutoff = clock.instant().minus(grace);
    if (!earliest.isBefore(cutoff)) {
      return; // nothing held is past its grace: no scan
    }
    synchronized (purgeLock) {
      states.values().removeIf(s -> s.expiresAt().isBefore(cutoff));
      earliest =
          states.values().stream()
              .map(LoginState::expiresAt)
              .min(Instant::compareTo)
              .orElse(Instant.MAX);
    }
  }
}

package org.tremplin.core.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.event.EventConsumer;
import org.tremplin.api.event.EventEnvelope;

/**
 * Delivers the outbox's events to the registered {@link EventConsumer}s, at least once (see that
 * interface for the contract consumers follow).
 *
 * <p>Each consumer has its own delivery row per event, created by whichever relay gets there first.
 * A relay claims due rows with an atomic conditional update that sets a lease; while the lease runs
 * no other relay on the same database claims them, so several nodes never deliver one event to one
 * consumer at once. An acknowledged delivery is marked done; a failed one is retried after a delay
 * that doubles per attempt ({@link RelaySettings#backoff}), keeping only the error's code; a claim
 * never acknowledged (a crash) is delivered again once its lease has expired. A failing consumer
 * delays neither the other consumers nor its own other events. There is no order guarantee.
 *
 * <p>Nothing runs until asked: {@link #deliverDue()} runs passes on the caller's thread (tests, a
 * host with its own scheduler); {@link #start()} runs them on a thread the relay owns, every {@link
 * RelaySettings#pollInterval()}, until {@link #stop()} or {@link #close()}. Events are stored
 * whether or not a relay runs. Thread-safe.
 */
public final class EventRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);

  private final Deliveries deliveries;
  private final Clock clock;
  private final RelaySettings settings;
  private final List<EventConsumer> consumers = new CopyOnWriteArrayList<>();
  private final Object lifecycle = new Object();
  private ScheduledExecutorService executor; // guarded by lifecycle; null until started
  private boolean closed; // guarded by lifecycle
  private volatile boolean stopping;

  /**
   * A relay on the migrated database, reading leases and retry times from the clock.
   *
   * @param jdbi the Jdbi on the migrated database
   * @param clock the clock read for "now"
   * @param settings the settings
   */
  public EventRelay(Jdbi jdbi, Clock clock, RelaySettings settings) {
    this.deliveries = new Deliveries(TremplinException.required(jdbi, "jdbi"));
    this.clock = TremplinException.required(clock, "clock");
    this.settings = TremplinException.required(settings, "settings");
  }

  /**
   * Adds a consumer; from the next pass on it receives every stored event it has not acknowledged
   * yet, the oldest first. Register consumers before {@link #start()}.
   *
   * @param consumer the consumer
   * @throws TremplinException {@code INVALID_ARGUMENT} when the name is malformed or taken
   */
  public void register(EventConsumer consumer) {
    TremplinException.required(consumer, "consumer");
    String name = TremplinException.required(consumer.name(), "consumer name");
    TremplinException.check(
        EventConsumer.NAME.matcher(name).matches(),
        "consumer name must match " + EventConsumer.NAME + ", got " + name);
    synchronized (consumers) {
      TremplinException.check(
          consumers.stream().noneMatch(c -> c.name().equals(name)),
          "a consumer named " + name + " is already registered");
      consumers.add(consumer);
    }
  }

  /**
   * Starts delivering on the relay's own (daemon) thread, a pass every poll interval. Does nothing
   * when already started.
   *
   * @throws TremplinException {@code INVALID_ARGUMENT} after {@link #stop()} or {@link #close()}
   *     (build a new relay to start again)
   */
  public void start() {
    synchronized (lifecycle) {
      TremplinException.check(!closed, "the event relay was stopped; it cannot start again");
      if (executor != null) {
        return;
      }
      executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "tremplin-event-relay");
                t.setDaemon(true);
                return t;
              });
      long every = settings.pollInterval().toMillis();
      executor.scheduleWithFixedDelay(this::scheduledPass, 0, every, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Whether the relay's own thread is delivering ({@link #start()} called, not stopped).
   *
   * @return whether the relay's own thread is delivering ({@link #start()} called, not stopped)
   */
  public boolean isRunning() {
    synchronized (lifecycle) {
      return executor != null && !closed;
    }
  }

  /**
   * Asks the relay's thread to stop, without waiting: no pass starts any more; the pass in flight
   * finishes the delivery under way, gives its other claims back (due again at once) and ends. Safe
   * to call from a consumer. Does not affect {@link #deliverDue()}.
   */
  public void stop() {
    synchronized (lifecycle) {
      closed = true;
      stopping = true;
      if (executor != null) {
        executor.shutdown();
      }
    }
  }

  /**
   * {@link #stop()}, then waits up to {@link RelaySettings#closeGrace()} for the pass in flight. If
   * it does not end in time the relay's thread is interrupted and abandoned: a delivery it did not
   * acknowledge is delivered again once its lease has expired.
   */
  @Override
  public void close() {
    stop();
    ScheduledExecutorService e;
    synchronized (lifecycle) {
      e = executor;
    }
    if (e == null) {
      return;
    }
    try {
      if (!e.awaitTermination(settings.closeGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.info(
            "event relay did not stop within {}; abandoning its claims", settings.closeGrace());
        e.shutdownNow();
      }
    } catch (InterruptedException ex) {
      e.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs passes on the caller's thread until nothing is due: every stored event not yet
   * acknowledged by a registered consumer, and not waiting for a retry or leased by another relay,
   * is delivered. Returns the deliveries acknowledged. Works whether or not the relay is started.
   *
   * @return runs passes on the caller's thread until nothing is due: every stored event not yet
   *     acknowledged by a registered consumer, and not waiting for a retry or leased by another
   *     relay, is delivered
   * @throws TremplinException {@code STORE_FAILURE} when the database fails
   */
  public int deliverDue() {
    int acknowledged = 0;
    while (true) {
      Pass pass = pass(() -> false);
      acknowledged += pass.acknowledged();
      if (!pass.progressed()) {
        return acknowledged;
      }
    }
  }

  private void scheduledPass() {
    try {
      while (!stopping && pass(() -> stopping).progressed()) {
        // a full batch: go on without waiting for the next tick
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "event relay pass failed (code {}); next pass in {}", code(e), settings.pollInterval());
    }
  }

  private record Pass(boolean progressed, int acknowledged) {}

  private Pass pass(BooleanSupplier abort) {
    boolean progressed = false;
    int acknowledged = 0;
    for (EventConsumer consumer : consumers) {
      if (abort.getAsBoolean()) {
        break;
      }
      String name = consumer.name();
      try {
        // claim first; create delivery rows only when the rows already there fall short of a
        // batch (creating them reads every stored event, so not on every pass)
        UUID token = UUID.randomUUID();
        Instant now = clock.instant();
        int batch = settings.batchSize();
        List<Deliveries.Claim> claims =
            deliveries.claim(name, token, now, now.plus(settings.lease()), batch);
        if (claims.size() < batch && deliveries.fanOut(name, batch * 10) > 0) {
          progressed = true;
          now = clock.instant();
          claims =
              deliveries.claim(name, token, now, now.plus(settings.lease()), batch - claims.size());
        }
        progressed |= !claims.isEmpty();
        for (Deliveries.Claim claim : claims) {
          if (abort.getAsBoolean()) {
            deliveries.release(token, clock.instant());
            break;
          }
          acknowledged += deliver(consumer, token, claim) ? 1 : 0;
        }
      } catch (JdbiException e) {
        throw new TremplinException(ErrorCode.STORE_FAILURE, "event relay: database failed", e);
      }
    }
    return new Pass(progressed, acknowledged);
  }

  private boolean deliver(EventConsumer consumer, UUID token, Deliveries.Claim claim) {
    EventEnvelope envelope = claim.envelope();
    try {
      consumer.accept(envelope);
    } catch (RuntimeException e) {
      Instant now = clock.instant();
      Instant next = now.plus(settings.backoff(claim.attempts()));
      String code = code(e);
      deliveries.fail(envelope.id(), consumer.name(), token, now, next, code);
      LOG.info(
          "event {} to {} failed (attempt {}, code {}); next attempt at {}",
          envelope.id(),
          consumer.name(),
          claim.attempts(),
          code,
          next);
      return false;
    }
    boolean acknowledged =
        deliveries.acknowledge(envelope.id(), consumer.name(), token, clock.instant());
    if (!acknowledged) {
      LOG.info(
          "event {} to {}: lease expired before the acknowledgement",
          envelope.id(),
          consumer.name());
    } else {
      LOG.debug("event {} delivered to {}", envelope.id(), consumer.name());
    }
    return acknowledged;
  }

  /** An error's stable code, never its message (which may name a person). */
  private static String code(RuntimeException e) {
    String code = e instanceof TremplinException t ? t.code().name() : e.getClass().getSimpleName();
    return code.length() > 80 ? code.substring(0, 80) : code;
  }
}

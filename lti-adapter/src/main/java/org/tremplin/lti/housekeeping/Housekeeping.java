package org.tremplin.lti.housekeeping;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the adapter's purges (expired nonces, expired sessions) on a schedule of its own, one daemon
 * thread per node, instead of inside the requests that happened to come along (a purge inside a
 * launch held locks other launches waited on: issue 10, item 4). Every task is an idempotent delete
 * of what has expired, so several nodes may run it at once; a task that fails (e.g. a lock timeout
 * while another node purges) is logged and tried again at the next round, and never stops the
 * others. {@link #runOnce} runs a round on the caller's thread (tests, command line). Thread-safe.
 */
public final class Housekeeping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  /** Default time between two rounds. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

  /**
   * One purge.
   *
   * @param name what it purges, for the log (e.g. {@code nonces})
   * @param purge deletes what has expired and returns how many rows it deleted
   */
  public record Task(String name, IntSupplier purge) {
    /**
     * Both required.
     *
     * @param name the name
     * @param purge the purge
     */
    public Task {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(purge, "purge");
    }
  }

  private final List<Task> tasks;
  private final Duration interval;
  private final Object lifecycle = new Object();
  private @Nullable ScheduledExecutorService scheduler;

  /**
   * These tasks, a round every {@code interval} once started.
   *
   * @param tasks the tasks
   * @param interval the interval
   */
  public Housekeeping(List<Task> tasks, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    this.tasks = List.copyOf(tasks);
    this.interval = interval;
  }

  /**
   * Runs every task once, in order, on the caller's thread.
   *
   * @return rows deleted per task; a task that failed is absent
   */
  public Map<String, Integer> runOnce() {
    Map<String, Integer> deleted = new LinkedHashMap<>();
    for (Task task : tasks) {
      try {
        deleted.put(task.name(), task.purge().getAsInt());
      } catch (RuntimeException e) {
        LOG.warn("housekeeping task {} failed; next round in {}", task.name(), interval, e);
      }
    }
    LOG.debug("housekeeping round: {}", deleted);
    return deleted;
  }

  /**
   * Starts the rounds (the first after a random part of the interval, so nodes started together do
   * not purge at the same moment); a second call does nothing.
   */
  public void start() {
    synchronized (lifecycle) {
      if (scheduler != null) {
        return;
      }
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "tremplin-housekeeping");
                t.setDaemon(true);
                return t;
              });
      long period = interval.toMillis();
      scheduler.scheduleWithFixedDelay(
          this::runOnce,
          ThreadLocalRandom.current().nextLong(period) + 1,
          period,
          TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Whether the rounds run.
   *
   * @return whether the rounds run
   */
  public boolean isRunning() {
    synchronized (lifecycle) {
      return scheduler != null && !scheduler.isShutdown();
    }
  }

  /** Stops the rounds, letting one in progress finish (a few seconds at most). */
  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (lifecycle) {
      running = scheduler;
      if (running == null) {
        return;
      }
      running.shutdown();
    }
    try {
      if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
        running.shutdownNow();
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}

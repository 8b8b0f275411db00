package org.tremplin.core.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceRecord;

/**
 * Writes an import's versions with {@link MarkWriter#write} on the import's transaction while the
 * import is still checking the file: the caller adds versions as it accepts them, a thread of this
 * stream writes them a chunk at a time on the handle (which the caller must not use meanwhile), so
 * the database inserts one chunk while the caller checks the next (ADR 0022). Chunks start at
 * {@value #FIRST_CHUNK} versions and double up to {@value MarkWriter#CHUNK}. Everything is written
 * after a savepoint: {@link #abandon} (a bad row found late, or any failure) stops the writing and
 * {@link #close} then rolls every written version back, leaving the transaction as it was. Not
 * thread-safe: one caller thread.
 */
final class MarkStream implements AutoCloseable {
  private static final String SAVEPOINT = "tremplin_import";

  /** The first chunk's rows: the database starts early; each next chunk doubles, up to CHUNK. */
  static final int FIRST_CHUNK = 64;

  private static final List<AttendanceRecord> END = List.of();

  private final Handle handle;
  private final BlockingQueue<List<AttendanceRecord>> queue = new ArrayBlockingQueue<>(2);
  private final Thread writer;
  private volatile @Nullable Throwable failure;
  private volatile boolean abandoned;
  private int chunk = FIRST_CHUNK;
  private List<AttendanceRecord> pending = new ArrayList<>(FIRST_CHUNK);
  private boolean ended;
  private boolean finished;

  /** Sets the savepoint and starts the writing thread. */
  MarkStream(Handle handle, MarkWriter.Strategy strategy, String by, Instant at) {
    this.handle = handle;
    handle.savepoint(SAVEPOINT);
    this.writer =
        new Thread(
            () -> {
              while (true) {
                List<AttendanceRecord> chunk = take();
                if (chunk == END) {
                  return;
                }
                if (abandoned) {
                  continue;
                }
                try {
                  MarkWriter.write(handle, strategy, chunk, by, at);
                } catch (RuntimeException | Error e) {
                  failure = e;
                  abandoned = true;
                }
              }
            },
            "tremplin-attendance-import");
    writer.setDaemon(true);
    writer.start();
  }

  /** Adds a version to write (ignored once abandoned). */
  void add(AttendanceRecord version) {
    if (abandoned) {
      return;
    }
    pending.add(version);
    if (pending.size() == chunk) {
      put(pending);
      chunk = Math.min(2 * chunk, MarkWriter.CHUNK);
      pending = new ArrayList<>(chunk);
    }
  }

  /** Writes nothing more; {@link #close} rolls back what was written. */
  void abandon() {
    abandoned = true;
    pending = new ArrayList<>();
  }

  /**
   * Writes the versions still pending and waits until every version is written.
   *
   * @throws TremplinException {@code STORE_FAILURE} (or the writer's own) when a write failed
   */
  void finish() {
    if (!abandoned) {
      put(pending);
      pending = new ArrayList<>();
    }
    end();
    Throwable failed = failure;
    if (failed instanceof TremplinException e) {
      throw e;
    }
    if (failed != null) {
      throw new TremplinException(ErrorCode.STORE_FAILURE, "writing the attendance failed", failed);
    }
    finished = !abandoned;
  }

  /** Stops the thread; unless {@link #finish} wrote everything, rolls back to the savepoint. */
  @Override
  public void close() {
    if (!finished) {
      abandon();
    }
    end();
    if (finished) {
      handle.release(SAVEPOINT);
    } else {
      handle.rollbackToSavepoint(SAVEPOINT);
    }
  }

  private void end() {
    if (!ended) {
      ended = true;
      put(END);
    }
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void put(List<AttendanceRecord> chunk) {
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(chunk);
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the writer always drains the queue: the put ends
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private List<AttendanceRecord> take() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        // nobody interrupts this thread but the JVM's end; keep draining until END
      }
    }
  }
}

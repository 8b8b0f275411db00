package org.tremplin.core.outbox;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.TremplinException;
import org.tremplin.api.event.EventId;
import org.tremplin.api.event.PathEvent;
import org.tremplin.core.internal.Database;

/**
 * Writes events into the outbox table. Call {@link #append} inside the transaction of the change
 * ({@code Database.inTransaction}): the event joins it, so it is stored if and only if the change
 * is committed. Delivery is the {@link EventRelay}'s job. Thread-safe.
 */
public final class EventOutbox {
  private final Jdbi jdbi;
  private final Clock clock;

  /**
   * An outbox on the migrated database; events are stamped with the clock's instant.
   *
   * @param jdbi the Jdbi on the migrated database
   * @param clock the clock read for "now"
   */
  public EventOutbox(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Stores the event (in the caller's transaction, when there is one); returns its id.
   *
   * @param event the event
   * @return its id
   */
  public EventId append(PathEvent event) {
    TremplinException.required(event, "event");
    EventId id = EventId.random();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_event (id, kind, body, occurred_at)"
                        + " values (:id, :kind, :body, :at)")
                .bind("id", id.value())
                .bind("kind", EventCodec.kind(event))
                .bind("body", EventCodec.write(event))
                .bind("at", Database.timestamp(clock.instant()))
                .execute());
    return id;
  }
}

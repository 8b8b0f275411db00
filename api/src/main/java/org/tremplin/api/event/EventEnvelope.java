package org.tremplin.api.event;

import java.time.Instant;
import org.tremplin.api.TremplinException;

/**
 * A stored event as a consumer receives it. Immutable and thread-safe.
 *
 * @param id the event's id, the same on every delivery
 * @param occurredAt when the change was committed (the writer's clock), not when it is delivered
 * @param event what happened
 */
public record EventEnvelope(EventId id, Instant occurredAt, PathEvent event) {
  /**
   * All fields required.
   *
   * @param id the identifier
   * @param occurredAt the occurred at
   * @param event the event
   */
  public EventEnvelope {
    TremplinException.required(id, "id");
    TremplinException.required(occurredAt, "occurredAt");
    TremplinException.required(event, "event");
  }
}

package org.tremplin.api.event;

import java.util.UUID;
import org.tremplin.api.TremplinException;

/**
 * Identifies a stored event: the same on every delivery of it, so a consumer can recognise one it
 * already handled.
 *
 * @param value the UUID
 */
public record EventId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public EventId {
    TremplinException.required(value, "event id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static EventId random() {
    return new EventId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

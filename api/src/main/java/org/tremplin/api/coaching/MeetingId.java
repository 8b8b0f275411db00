package org.tremplin.api.coaching;

import java.util.UUID;
import org.tremplin.api.TremplinException;

/**
 * Identifies a coaching meeting. Immutable.
 *
 * @param value the UUID
 */
public record MeetingId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public MeetingId {
    TremplinException.required(value, "meeting id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static MeetingId random() {
    return new MeetingId(UUID.randomUUID());
  }
}

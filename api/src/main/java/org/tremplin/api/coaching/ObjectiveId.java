package org.tremplin.api.coaching;

import java.util.UUID;
import org.tremplin.api.TremplinException;

/**
 * Identifies an objective of an action plan. Immutable.
 *
 * @param value the UUID
 */
public record ObjectiveId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public ObjectiveId {
    TremplinException.required(value, "objective id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static ObjectiveId random() {
    return new ObjectiveId(UUID.randomUUID());
  }
}

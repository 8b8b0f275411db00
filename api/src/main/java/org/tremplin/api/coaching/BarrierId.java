package org.tremplin.api.coaching;

import java.util.UUID;
import org.tremplin.api.TremplinException;

/**
 * Identifies a barrier. Immutable.
 *
 * @param value the UUID
 */
public record BarrierId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public BarrierId {
    TremplinException.required(value, "barrier id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static BarrierId random() {
    return new BarrierId(UUID.randomUUID());
  }
}

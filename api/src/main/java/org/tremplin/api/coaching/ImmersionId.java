package org.tremplin.api.coaching;

import java.util.UUID;
import org.tremplin.api.TremplinException;

/**
 * Identifies a company immersion (PMSMP). Immutable.
 *
 * @param value the UUID
 */
public record ImmersionId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public ImmersionId {
    TremplinException.required(value, "immersion id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static ImmersionId random() {
    return new ImmersionId(UUID.randomUUID());
  }
}

package org.tremplin.api.coaching;

import java.util.UUID;
import org.tremplin.api.TremplinException;

/**
 * Identifies an action of an action plan. Immutable.
 *
 * @param value the UUID
 */
public record ActionId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public ActionId {
    TremplinException.required(value, "action id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static ActionId random() {
    return new ActionId(UUID.randomUUID());
  }
}

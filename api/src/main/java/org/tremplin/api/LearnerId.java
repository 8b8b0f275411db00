package org.tremplin.api;

import java.util.UUID;

/**
 * Identifies a learner.
 *
 * @param value the UUID
 */
public record LearnerId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public LearnerId {
    TremplinException.required(value, "learner id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static LearnerId random() {
    return new LearnerId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

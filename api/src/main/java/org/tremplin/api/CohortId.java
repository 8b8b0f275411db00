package org.tremplin.api;

import java.util.UUID;

/**
 * Identifies a cohort.
 *
 * @param value the UUID
 */
public record CohortId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public CohortId {
    TremplinException.required(value, "cohort id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static CohortId random() {
    return new CohortId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

package org.tremplin.api;

import java.util.UUID;

/**
 * Identifies a cohort.
 *
 * @param value the UUID
 */
public record CohortId(UUID value) {
  /** The UUID is required. */
  public CohortId {
    TremplinException.required(value, "cohort id");
  }

  /** A new random id. */
  public static CohortId random() {
    return new CohortId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

package org.tremplin.api;

import java.util.UUID;

/**
 * Identifies a school.
 *
 * @param value the UUID
 */
public record SchoolId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public SchoolId {
    TremplinException.required(value, "school id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static SchoolId random() {
    return new SchoolId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

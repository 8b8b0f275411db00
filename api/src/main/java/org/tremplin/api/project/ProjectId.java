package org.tremplin.api.project;

import java.util.UUID;
import org.tremplin.api.TremplinException;

/**
 * Identifies a project.
 *
 * @param value the UUID
 */
public record ProjectId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public ProjectId {
    TremplinException.required(value, "project id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static ProjectId random() {
    return new ProjectId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

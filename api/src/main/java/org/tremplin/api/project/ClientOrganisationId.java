package org.tremplin.api.project;

import java.util.UUID;
import org.tremplin.api.TremplinException;

/**
 * Identifies a client organisation.
 *
 * @param value the UUID
 */
public record ClientOrganisationId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public ClientOrganisationId {
    TremplinException.required(value, "client organisation id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static ClientOrganisationId random() {
    return new ClientOrganisationId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

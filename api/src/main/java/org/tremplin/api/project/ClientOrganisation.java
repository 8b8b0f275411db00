package org.tremplin.api.project;

import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;

/**
 * An organisation a school's learners build things for.
 *
 * @param id its id
 * @param school the school that works with it
 * @param name its name
 * @param kind its kind
 * @param qpvBased whether it is based in a priority neighbourhood (QPV)
 */
public record ClientOrganisation(
    ClientOrganisationId id, SchoolId school, String name, ClientKind kind, boolean qpvBased) {
  /**
   * All fields required.
   *
   * @param id the id
   * @param school the school
   * @param name the name
   * @param kind the kind
   * @param qpvBased whether QPV-based
   */
  public ClientOrganisation {
    TremplinException.required(id, "id");
    TremplinException.required(school, "school");
    TremplinException.requiredText(name, "name");
    TremplinException.required(kind, "kind");
  }
}

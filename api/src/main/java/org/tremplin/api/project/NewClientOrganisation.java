package org.tremplin.api.project;

import org.tremplin.api.TremplinException;

/**
 * A client organisation to register.
 *
 * @param name its name, 1 to 200 characters
 * @param kind its kind
 * @param qpvBased whether it is based in a priority neighbourhood (QPV)
 */
public record NewClientOrganisation(String name, ClientKind kind, boolean qpvBased) {
  /**
   * Name and kind required; the name is stripped.
   *
   * @param name the name
   * @param kind the kind
   * @param qpvBased whether QPV-based
   */
  public NewClientOrganisation {
    name = TremplinException.requiredText(name, "client name").strip();
    TremplinException.check(name.length() <= 200, "client name is longer than 200 characters");
    TremplinException.required(kind, "client kind");
  }
}

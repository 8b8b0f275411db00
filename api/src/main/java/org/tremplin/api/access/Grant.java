package org.tremplin.api.access;

import org.tremplin.api.TremplinException;

/**
 * A role within a scope, e.g. TRAINER of one cohort, COACH of one school (their caseload in it).
 *
 * @param role the role
 * @param scope how far it reaches
 */
public record Grant(Role role, Scope scope) {
  /**
   * Both fields required.
   *
   * @param role the role
   * @param scope the scope
   */
  public Grant {
    TremplinException.required(role, "role");
    TremplinException.required(scope, "scope");
  }
}

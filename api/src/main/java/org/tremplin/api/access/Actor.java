package org.tremplin.api.access;

import java.util.List;
import org.tremplin.api.TremplinException;

/**
 * Whoever makes a call: a person identified by a stable id (from the LMS or the host), with their
 * grants. Every core service call that touches personal data takes one.
 *
 * @param id stable identifier, recorded in audit trails (never a name or e-mail)
 * @param grants what they may do where; at least one
 */
public record Actor(String id, List<Grant> grants) {
  /**
   * The id is required, at most 200 characters; at least one grant.
   *
   * @param id the identifier
   * @param grants the grants
   */
  public Actor {
    TremplinException.requiredText(id, "actor id");
    TremplinException.check(id.length() <= 200, "actor id is longer than 200 characters");
    grants = List.copyOf(TremplinException.required(grants, "grants"));
    TremplinException.check(!grants.isEmpty(), "actor " + id + " has no grant");
  }

  /**
   * An actor with one grant.
   *
   * @param id the identifier
   * @param role the role
   * @param scope the scope
   * @return an actor with one grant
   */
  public static Actor of(String id, Role role, Scope scope) {
    return new Actor(id, List.of(new Grant(role, scope)));
  }
}

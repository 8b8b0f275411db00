package org.tremplin.lti.roles;

import java.util.Set;
import org.tremplin.api.access.Role;

/**
 * The Tremplin roles a launch grants. Immutable.
 *
 * @param roles the roles granted; empty when no known role was sent
 * @param testUser whether the platform flagged a test user ({@code lti/system/person#TestUser},
 *     Canvas Student View): shown the learner view, never counted in reports
 */
public record MappedRoles(Set<Role> roles, boolean testUser) {

  /**
   * Copies the roles.
   *
   * @param roles the roles
   * @param testUser the test user
   */
  public MappedRoles {
    roles = Set.copyOf(roles);
  }
}

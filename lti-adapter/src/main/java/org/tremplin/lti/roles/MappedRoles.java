package org.tremplin.lti.roles;

import java.util.Set;
import org.tremplin.api.access.Role;

/**
 * The Tremplin roles a launch grants. Immutable.
 *
 * @param roles the roles granted; empty when no known role was sent
 * @param testUser whether the platform flagged a test user ({@code lti/system/person#TestUser},
 *     Canvas Student View): shown the learner view, never counted in reports
 * @param systemAdministrator whether the {@code ADMIN} role comes from a system administrator
 *     ({@code lti/system/person#Administrator} or {@code #SysAdmin}) rather than an institution's:
 *     from a platform of the operator's configuration, the whole network's administrator
 */
public record MappedRoles(Set<Role> roles, boolean testUser, boolean systemAdministrator) {

  /**
   * No system administrator.
   *
   * @param roles the roles
   * @param testUser the test user
   */
  public MappedRoles(Set<Role> roles, boolean testUser) {
    this(roles, testUser, false);
  }

  /**
   * Copies the roles.
   *
   * @param roles the roles
   * @param testUser the test user
   * @param systemAdministrator whether a system administrator
   */
  public MappedRoles {
    roles = Set.copyOf(roles);
  }
}

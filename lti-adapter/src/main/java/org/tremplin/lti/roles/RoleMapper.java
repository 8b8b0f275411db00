package org.tremplin.lti.roles;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tremplin.api.access.Role;

/**
 * Maps the {@code roles} claim to Tremplin roles (LTI.md §3). Context roles are read in their full
 * form ({@code http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor}), as sub-roles ({@code
 * membership/Instructor#TeachingAssistant}, mapped by their principal role) and in the short form
 * ({@code Instructor}); institution and system administrators become {@code ADMIN} only when no
 * context role maps; unknown URIs and empty strings are ignored. The principal-role mapping is
 * configurable per registration. Immutable and thread-safe.
 */
public final class RoleMapper {
  /** Prefix of context (membership) roles. */
  public static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

  /** The Canvas Student View test user flag. */
  public static final String TEST_USER =
      "http://purl.imsglobal.org/vocab/lti/system/person#TestUser";

  /** The default mapping of principal context roles (LTI.md §3). */
  public static final Map<String, Role> DEFAULT_CONTEXT_ROLES =
      Map.of(
          "Learner", Role.LEARNER,
          "Instructor", Role.TRAINER,
          "ContentDeveloper", Role.TRAINER,
          "TeachingAssistant", Role.TRAINER,
          "Mentor", Role.COACH,
          "Administrator", Role.MANAGER,
          "Manager", Role.MANAGER);

  private static final Set<String> ADMINISTRATORS =
      Set.of(
          "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
          "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
          "http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin");

  private final Map<String, Role> contextRoles;

  /** With the default mapping. */
  public RoleMapper() {
    this(DEFAULT_CONTEXT_ROLES);
  }

  /**
   * With a registration's own mapping of principal context role names (e.g. "Mentor").
   *
   * @param contextRoles the context roles
   */
  public RoleMapper(Map<String, Role> contextRoles) {
    this.contextRoles = Map.copyOf(contextRoles);
  }

  /**
   * The default mapping with a registration's overrides of principal context role names (LTI.md §3:
   * configurable per registration).
   *
   * @param overrides the overrides
   * @return the default mapping with a registration's overrides of principal context role names
   *     (LTI.md §3: configurable per registration)
   */
  public static RoleMapper withOverrides(Map<String, Role> overrides) {
    if (overrides.isEmpty()) {
      return new RoleMapper();
    }
    Map<String, Role> merged = new java.util.HashMap<>(DEFAULT_CONTEXT_ROLES);
    merged.putAll(overrides);
    return new RoleMapper(merged);
  }

  /**
   * The Tremplin roles granted by these role URIs.
   *
   * @param roleUris the role uris
   * @return the Tremplin roles granted by these role URIs
   */
  public MappedRoles map(List<String> roleUris) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    boolean administrator = false;
    boolean testUser = false;
    boolean system = false;
    for (String uri : roleUris) {
      String role = uri.trim();
      if (role.isEmpty()) {
        continue;
      }
      principalContextRole(role).map(contextRoles::get).ifPresent(roles::add);
      administrator |= ADMINISTRATORS.contains(role);
      system |= ADMINISTRATORS.contains(role) && role.contains("/system/");
      testUser |= TEST_USER.equals(role);
    }
    if (roles.isEmpty() && administrator) {
      roles.add(Role.ADMIN);
      return new MappedRoles(roles, testUser, system);
    }
    return new MappedRoles(roles, testUser);
  }

  /**
   * The principal role name of a context role: {@code membership#X} gives X; {@code membership/X#Y}
   * gives X, or TeachingAssistant for Instructor's sub-role of that name; a bare name is the short
   * form. Anything else is not a context role.
   */
  private static Optional<String> principalContextRole(String role) {
    if (role.startsWith(MEMBERSHIP + "#")) {
      return Optional.of(role.substring(MEMBERSHIP.length() + 1));
    }
    if (role.startsWith(MEMBERSHIP + "/")) {
      String rest = role.substring(MEMBERSHIP.length() + 1);
      int hash = rest.indexOf('#');
      if (hash <= 0) {
        return Optional.empty();
      }
      String principal = rest.substring(0, hash);
      String sub = rest.substring(hash + 1);
      return Optional.of(
          "Instructor".equals(principal) && "TeachingAssistant".equals(sub) ? sub : principal);
    }
    if (!role.contains(":") && !role.contains("/") && !role.contains("#")) {
      return Optional.of(role);
    }
    return Optional.empty();
  }
}

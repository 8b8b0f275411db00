package org.tremplin.lti.registration;

/**
 * Where Dynamic Registration keeps the registrations it obtains (LTI.md §7). Implementations must
 * be thread-safe.
 */
public interface RegistrationStore {

  /**
   * Stores a new registration and its deployment ids, all or nothing.
   *
   * @param registration the registration
   * @return {@code false}, storing nothing, when a registration with the same (issuer, client id)
   *     is already known (configured or stored); {@code true} when stored
   */
  boolean add(PlatformRegistration registration);

  /**
   * Updates the stored registration with the same (issuer, client id): the platform registered the
   * tool again with the same client id (Moodle's "Update" of a tool), so its name, endpoints and
   * deployment policy are replaced and its deployment ids added to those known (none is removed: a
   * course may still launch through it). All or nothing.
   *
   * @return {@code true} when a stored registration was updated; {@code false}, changing nothing,
   *     when none is stored under that key or when the configuration holds it (the configuration
   *     wins)
   */
  boolean update(PlatformRegistration registration);
}

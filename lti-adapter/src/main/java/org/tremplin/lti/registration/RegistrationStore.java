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
}

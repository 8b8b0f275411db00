package org.tremplin.lti.registration;

import java.util.List;
import java.util.Optional;

/**
 * Registrations held in memory, fixed at construction (configuration, tests). Immutable and
 * thread-safe.
 */
public final class InMemoryRegistrations implements Registrations {
  private final List<PlatformRegistration> registrations;

  /**
   * Holds these registrations.
   *
   * @throws IllegalArgumentException when two share the same (issuer, client id)
   */
  public InMemoryRegistrations(List<PlatformRegistration> registrations) {
    this.registrations = List.copyOf(registrations);
    long distinct =
        this.registrations.stream()
            .map(r -> r.issuer() + "\u0000" + r.clientId())
            .distinct()
            .count();
    if (distinct != this.registrations.size()) {
      throw new IllegalArgumentException("two registrations share the same issuer and client id");
    }
  }

  @Override
  public Optional<PlatformRegistration> find(String issuer, String clientId) {
    return registrations.stream()
        .filter(r -> r.issuer().equals(issuer) && r.clientId().equals(clientId))
        .findFirst();
  }

  @Override
  public Optional<PlatformRegistration> findByIssuer(String issuer) {
    List<PlatformRegistration> matching =
        registrations.stream().filter(r -> r.issuer().equals(issuer)).toList();
    return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
  }
}

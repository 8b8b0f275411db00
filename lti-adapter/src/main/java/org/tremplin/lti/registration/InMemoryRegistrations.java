package org.tremplin.lti.registration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registrations held in memory, fixed at construction (tests, a single node without a database).
 * Deployment ids recorded by {@link #recordDeployment} are kept in memory too, so they are lost on
 * restart and not shared between nodes; the web layer uses the database-backed registrations
 * instead. Thread-safe.
 */
public final class InMemoryRegistrations implements Registrations {
  private final List<PlatformRegistration> registrations;
  private final Map<String, Set<String>> recorded = new ConcurrentHashMap<>();

  /**
   * Holds these registrations.
   *
   * @param registrations the registrations
   * @throws IllegalArgumentException when two share the same (issuer, client id)
   */
  public InMemoryRegistrations(List<PlatformRegistration> registrations) {
    this.registrations = List.copyOf(registrations);
    long distinct = this.registrations.stream().map(InMemoryRegistrations::key).distinct().count();
    if (distinct != this.registrations.size()) {
      throw new IllegalArgumentException("two registrations share the same issuer and client id");
    }
  }

  @Override
  public Optional<PlatformRegistration> find(String issuer, String clientId) {
    return registrations.stream()
        .filter(r -> r.issuer().equals(issuer) && r.clientId().equals(clientId))
        .findFirst()
        .map(this::withRecorded);
  }

  @Override
  public Optional<PlatformRegistration> findByIssuer(String issuer) {
    List<PlatformRegistration> matching =
        registrations.stream().filter(r -> r.issuer().equals(issuer)).toList();
    return matching.size() == 1 ? Optional.of(withRecorded(matching.get(0))) : Optional.empty();
  }

  @Override
  public void recordDeployment(String issuer, String clientId, String deploymentId) {
    String key = issuer + "\u0000" + clientId;
    if (registrations.stream().anyMatch(r -> key(r).equals(key))) {
      recorded.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(deploymentId);
    }
  }

  private PlatformRegistration withRecorded(PlatformRegistration registration) {
    return registration.withDeployments(recorded.getOrDefault(key(registration), Set.of()));
  }

  private static String key(PlatformRegistration registration) {
    return registration.issuer() + "\u0000" + registration.clientId();
  }
}

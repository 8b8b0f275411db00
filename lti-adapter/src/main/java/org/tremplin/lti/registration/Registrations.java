package org.tremplin.lti.registration;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the platform registration a login or launch belongs to (LTI.md §1.2), and records the
 * deployment ids accepted under a registration's auto-deployments policy (§2.10). Implementations
 * must be thread-safe.
 */
public interface Registrations {

  /**
   * The registration for this issuer and client id. When {@code clientId} is absent, falls back to
   * the issuer alone only if exactly one registration has it (hosted Canvas tenants share one
   * issuer, so the client id usually decides).
   *
   * @param issuer the platform's issuer
   * @param clientId the client id the platform gave the tool
   * @return the registration, or empty when none (or, without a client id, more than one) matches
   */
  Optional<PlatformRegistration> find(String issuer, String clientId);

  /**
   * The registration for an issuer when the platform did not send a client id.
   *
   * @param issuer the platform's issuer
   * @return the only registration with this issuer, or empty when there are none or several
   */
  Optional<PlatformRegistration> findByIssuer(String issuer);

  /**
   * Looks up with the client id when there is one, else by issuer alone (LTI.md §1.2).
   *
   * @param issuer the platform's issuer
   * @param clientId the client id the platform gave the tool
   * @return the registration, or empty when unknown or ambiguous
   */
  default Optional<PlatformRegistration> lookup(String issuer, @Nullable String clientId) {
    return clientId == null || clientId.isEmpty() ? findByIssuer(issuer) : find(issuer, clientId);
  }

  /**
   * Records that this registration launched from {@code deploymentId}, so the id counts as known in
   * every later lookup (its registration's {@link PlatformRegistration#deploymentIds()}).
   * Idempotent: recording a known id again changes nothing; safe when several nodes record the same
   * id at once. Nothing happens when the registration is unknown.
   *
   * @param issuer the registration's issuer
   * @param clientId the registration's client id
   * @param deploymentId the launch's {@code deployment_id}, 1 to 255 characters
   */
  void recordDeployment(String issuer, String clientId, String deploymentId);
}

package org.tremplin.lti.registration;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tremplin.api.access.Role;

/**
 * One LMS platform registered with the tool: its issuer, the client id it gave us, its OIDC
 * authorisation, token and JWKS endpoints, and the deployment ids it may launch from (LTI.md §1,
 * §2.10). Immutable.
 *
 * @param name a human label, e.g. "Moodle de l'école"
 * @param issuer the platform's {@code iss}, compared byte for byte
 * @param clientId the client id the platform assigned to the tool
 * @param authUrl the OIDC authorisation endpoint the login redirects to
 * @param tokenUrl the OAuth 2 token endpoint (AGS, NRPS)
 * @param jwksUrl the platform's public keyset
 * @param deploymentIds the deployment ids known for this registration
 * @param autoDeployments whether unknown deployment ids are accepted (Canvas creates one per
 *     install); an explicit policy, off by default
 * @param roleMapping this platform's mapping of principal context role names (e.g. {@code Mentor} →
 *     COACH) over the default of LTI.md §3; empty for the default
 */
public record PlatformRegistration(
    String name,
    String issuer,
    String clientId,
    URI authUrl,
    URI tokenUrl,
    URI jwksUrl,
    Set<String> deploymentIds,
    boolean autoDeployments,
    Map<String, Role> roleMapping) {

  /**
   * With the default role mapping.
   *
   * @param name the name
   * @param issuer the platform's issuer
   * @param clientId the client id the platform gave the tool
   * @param authUrl the auth url
   * @param tokenUrl the token url
   * @param jwksUrl the jwks url
   * @param deploymentIds the deployment ids
   * @param autoDeployments the auto deployments
   */
  public PlatformRegistration(
      String name,
      String issuer,
      String clientId,
      URI authUrl,
      URI tokenUrl,
      URI jwksUrl,
      Set<String> deploymentIds,
      boolean autoDeployments) {
    this(
        name,
        issuer,
        clientId,
        authUrl,
        tokenUrl,
        jwksUrl,
        deploymentIds,
        autoDeployments,
        Map.of());
  }

  /**
   * Validates the values and copies the deployment ids and the role mapping.
   *
   * @param name the name
   * @param issuer the platform's issuer
   * @param clientId the client id the platform gave the tool
   * @param authUrl the auth url
   * @param tokenUrl the token url
   * @param jwksUrl the jwks url
   * @param deploymentIds the deployment ids
   * @param autoDeployments the auto deployments
   * @param roleMapping the role mapping
   */
  public PlatformRegistration {
    Objects.requireNonNull(name, "name");
    requireText(issuer, "issuer");
    requireText(clientId, "clientId");
    requireAbsolute(authUrl, "authUrl");
    requireAbsolute(tokenUrl, "tokenUrl");
    requireAbsolute(jwksUrl, "jwksUrl");
    deploymentIds = Set.copyOf(deploymentIds);
    roleMapping = Map.copyOf(roleMapping);
  }

  /**
   * Whether a launch from this deployment id is acceptable for this registration.
   *
   * @param deploymentId the deployment id
   * @return whether a launch from this deployment id is acceptable for this registration
   */
  public boolean accepts(String deploymentId) {
    return autoDeployments || deploymentIds.contains(deploymentId);
  }

  /**
   * This registration with more known deployment ids.
   *
   * @param more the more
   * @return a copy whose deployment ids are the union of both sets (this one when nothing is new)
   */
  public PlatformRegistration withDeployments(Set<String> more) {
    if (deploymentIds.containsAll(more)) {
      return this;
    }
    Set<String> all = new LinkedHashSet<>(deploymentIds);
    all.addAll(more);
    return new PlatformRegistration(
        name, issuer, clientId, authUrl, tokenUrl, jwksUrl, all, autoDeployments, roleMapping);
  }

  private static void requireText(String value, String what) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }

  private static void requireAbsolute(URI uri, String what) {
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException(what + " must be an absolute URL: " + uri);
    }
  }
}

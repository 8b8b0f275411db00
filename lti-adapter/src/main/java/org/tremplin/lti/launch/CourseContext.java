package org.tremplin.lti.launch;

import java.util.Objects;

/**
 * A course of a platform, the unit linked to a cohort: (issuer, client_id, deployment, context.id)
 * (LTI.md §3). Immutable.
 *
 * @param issuer the platform issuer
 * @param clientId the client id the platform gave the tool
 * @param deploymentId the deployment the launch came through
 * @param contextId the context (course) id at the platform
 */
public record CourseContext(String issuer, String clientId, String deploymentId, String contextId) {
  /**
   * All required; ids at most 255 characters.
   *
   * @param issuer the platform's issuer
   * @param clientId the client id the platform gave the tool
   * @param deploymentId the deployment id
   * @param contextId the context id
   */
  public CourseContext {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(deploymentId, "deploymentId");
    Objects.requireNonNull(contextId, "contextId");
    if (contextId.isEmpty() || contextId.length() > 255 || deploymentId.length() > 255) {
      throw new IllegalArgumentException("context and deployment ids are 1 to 255 characters");
    }
  }
}

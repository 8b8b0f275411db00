package org.tremplin.lti.login;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of an OIDC login initiation, as sent by the platform (GET query or POST form),
 * LTI.md §1.1. Unknown parameters (Canvas's {@code canvas_region}...) are ignored. Immutable.
 *
 * @param issuer {@code iss}
 * @param loginHint {@code login_hint}, opaque: echoed untouched
 * @param targetLinkUri {@code target_link_uri}
 * @param ltiMessageHint {@code lti_message_hint}, opaque: echoed untouched
 * @param clientId {@code client_id}
 * @param deploymentId {@code lti_deployment_id} (or {@code deployment_id})
 * @param storageTarget {@code lti_storage_target} (platform storage, §1.6)
 */
public record LoginRequest(
    @Nullable String issuer,
    @Nullable String loginHint,
    @Nullable String targetLinkUri,
    @Nullable String ltiMessageHint,
    @Nullable String clientId,
    @Nullable String deploymentId,
    @Nullable String storageTarget) {

  /** The parameter names this request reads; others are ignored. */
  public static final List<String> PARAMETERS =
      List.of(
          "iss",
          "login_hint",
          "target_link_uri",
          "lti_message_hint",
          "client_id",
          "lti_deployment_id",
          "deployment_id",
          "lti_storage_target");

  /**
   * Reads the request from single-valued parameters (an adapter that already rejected repeated
   * parameters).
   *
   * @param parameters the parameters
   * @return the login request
   */
  public static LoginRequest of(Map<String, String> parameters) {
    String deployment = parameters.get("lti_deployment_id");
    return new LoginRequest(
        parameters.get("iss"),
        parameters.get("login_hint"),
        parameters.get("target_link_uri"),
        parameters.get("lti_message_hint"),
        parameters.get("client_id"),
        deployment != null ? deployment : parameters.get("deployment_id"),
        parameters.get("lti_storage_target"));
  }
}

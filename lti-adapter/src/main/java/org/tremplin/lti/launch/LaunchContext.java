package org.tremplin.lti.launch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.text.PlatformText;

/**
 * The facts of an accepted launch the application needs: who (issuer, client id, sub), where
 * (deployment, context, resource link), as what (membership role URIs, unmapped: see {@code
 * org.tremplin.lti.roles.RoleMapper}), and the custom parameters. Immutable.
 *
 * @param issuer the platform issuer
 * @param clientId our client id at that platform
 * @param deploymentId the deployment id
 * @param deploymentAutoAccepted whether the deployment id was unknown and accepted by the
 *     registration's auto policy (the caller should record it)
 * @param sub the user id at the platform; null for an anonymous launch (when enabled)
 * @param name the {@code name} claim, if sent (personal data: never logged)
 * @param messageType {@code LtiResourceLinkRequest} or {@code LtiDeepLinkingRequest}
 * @param contextId the context (course) id, if a context claim was sent
 * @param contextTitle the context title, if sent
 * @param resourceLinkId the resource link id; null for a deep linking request
 * @param roles the {@code roles} claim as sent, empty strings dropped
 * @param roleScopeMentor the {@code role_scope_mentor} claim: the subs a mentor follows
 * @param targetLinkUri the launch's {@code target_link_uri}
 * @param custom the {@code custom} claim; non-string values as their {@code String.valueOf} text
 * @param presentationLocale {@code launch_presentation.locale}, the user's language at the platform
 *     as sent (a BCP 47 tag, or Moodle's {@code fr_ca} form), if sent
 * @param services the LTI Advantage service endpoints the launch carries (NRPS, AGS)
 */
public record LaunchContext(
    String issuer,
    String clientId,
    String deploymentId,
    boolean deploymentAutoAccepted,
    @Nullable String sub,
    @Nullable String name,
    String messageType,
    @Nullable String contextId,
    @Nullable String contextTitle,
    @Nullable String resourceLinkId,
    List<String> roles,
    List<String> roleScopeMentor,
    String targetLinkUri,
    Map<String, String> custom,
    @Nullable String presentationLocale,
    ServiceClaims services) {

  /** A launch that carries no service endpoint. */
  public LaunchContext(
      String issuer,
      String clientId,
      String deploymentId,
      boolean deploymentAutoAccepted,
      @Nullable String sub,
      @Nullable String name,
      String messageType,
      @Nullable String contextId,
      @Nullable String contextTitle,
      @Nullable String resourceLinkId,
      List<String> roles,
      List<String> roleScopeMentor,
      String targetLinkUri,
      Map<String, String> custom,
      @Nullable String presentationLocale) {
    this(
        issuer,
        clientId,
        deploymentId,
        deploymentAutoAccepted,
        sub,
        name,
        messageType,
        contextId,
        contextTitle,
        resourceLinkId,
        roles,
        roleScopeMentor,
        targetLinkUri,
        custom,
        presentationLocale,
        ServiceClaims.NONE);
  }

  /**
   * Copies the collections and makes the platform's free texts safe to store and show ({@link
   * PlatformText}): the name, the course title, the custom parameters and the locale are cleaned
   * and bounded (absent when nothing printable remains); roles and mentored subs that are no
   * acceptable identifier are dropped.
   *
   * @param issuer the platform's issuer
   * @param clientId the client id the platform gave the tool
   * @param deploymentId the deployment id
   * @param deploymentAutoAccepted the deployment auto accepted
   * @param sub the sub
   * @param name the name
   * @param messageType the message type
   * @param contextId the context id
   * @param contextTitle the context title
   * @param resourceLinkId the resource link id
   * @param roles the roles
   * @param roleScopeMentor the role scope mentor
   * @param targetLinkUri the target link uri
   * @param custom the custom
   * @param presentationLocale the presentation locale
   */
  public LaunchContext {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(deploymentId, "deploymentId");
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(targetLinkUri, "targetLinkUri");
    Objects.requireNonNull(services, "services");
    name = PlatformText.cleanOrNull(name, PlatformText.MAX_NAME);
    contextTitle = PlatformText.cleanOrNull(contextTitle, PlatformText.MAX_TITLE);
    presentationLocale = PlatformText.cleanOrNull(presentationLocale, PlatformText.MAX_LOCALE);
    roles =
        roles.stream().filter(r -> PlatformText.isIdentifier(r, PlatformText.MAX_ROLE)).toList();
    roleScopeMentor =
        roleScopeMentor.stream()
            .filter(s -> PlatformText.isIdentifier(s, PlatformText.MAX_ID))
            .toList();
    custom = cleanCustom(custom);
  }

  private static Map<String, String> cleanCustom(Map<String, String> custom) {
    Map<String, String> cleaned = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(custom).entrySet()) {
      if (cleaned.size() == PlatformText.MAX_CUSTOM_ENTRIES) {
        break;
      }
      String key = PlatformText.clean(entry.getKey(), PlatformText.MAX_CUSTOM_NAME);
      if (!key.isEmpty()) {
        cleaned.putIfAbsent(
            key, PlatformText.clean(entry.getValue(), PlatformText.MAX_CUSTOM_VALUE));
      }
    }
    return Map.copyOf(cleaned);
  }

  /**
   * The course this launch came from, when it carried a context.
   *
   * @return the course, empty without a context claim
   */
  public java.util.Optional<CourseContext> course() {
    return contextId == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(new CourseContext(issuer, clientId, deploymentId, contextId));
  }

  /**
   * Whether this is a deep linking request.
   *
   * @return whether this is a deep linking request
   */
  public boolean isDeepLinking() {
    return LtiClaims.DEEP_LINKING_REQUEST.equals(messageType);
  }
}

package org.tremplin.lti.registration;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What the tool tells a platform about itself, at Dynamic Registration (LTI.md §7) and in the
 * Canvas developer-key JSON: its name and the URLs derived from its configured base URL (never from
 * a request's Host header). Immutable.
 *
 * @param baseUrl the tool's public base URL, ending with {@code /}
 * @param name the name shown to administrators, e.g. "Tremplin"
 * @param description one sentence shown next to the name
 */
public record ToolDescription(URI baseUrl, String name, String description) {

  /** Resource link launches (LTI Core 1.3). */
  public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";

  /** Deep linking requests (Deep Linking 2.0). */
  public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";

  /** The OAuth scopes the tool asks for: AGS line items, results and scores, and NRPS. */
  public static final List<String> SCOPES =
      List.of(
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score",
          "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");

  /** The identity claims the tool asks the platform to include in launches. */
  public static final List<String> CLAIMS =
      List.of("iss", "sub", "name", "given_name", "family_name", "email");

  /**
   * Requires an absolute http(s) base URL and adds the trailing slash when missing.
   *
   * @param baseUrl the tool's public base URL
   * @param name the name
   * @param description the description
   */
  public ToolDescription {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    if (!baseUrl.isAbsolute()
        || baseUrl.getHost() == null
        || !("http".equalsIgnoreCase(baseUrl.getScheme())
            || "https".equalsIgnoreCase(baseUrl.getScheme()))) {
      throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
    }
    if (!baseUrl.toString().endsWith("/")) {
      baseUrl = URI.create(baseUrl + "/");
    }
  }

  /**
   * Tremplin's name and description, under this base URL.
   *
   * @param baseUrl the tool's public base URL
   * @return the tool description
   */
  public static ToolDescription tremplin(URI baseUrl) {
    return new ToolDescription(
        baseUrl,
        "Tremplin",
        "Parcours de formation et d'insertion professionnelle / Job-training programmes");
  }

  /**
   * {@code <base>lti/login}: the OIDC login initiation URL.
   *
   * @return the initiate login uri
   */
  public String initiateLoginUri() {
    return baseUrl + "lti/login";
  }

  /**
   * {@code <base>lti/launch}: the redirect URI, also the default target link URI.
   *
   * @return the redirect uri
   */
  public String redirectUri() {
    return baseUrl + "lti/launch";
  }

  /**
   * {@code <base>lti/launch}: where launches land.
   *
   * @return the target link uri
   */
  public String targetLinkUri() {
    return redirectUri();
  }

  /**
   * {@code <base>lti/jwks}: the tool's public keyset.
   *
   * @return the jwks uri
   */
  public String jwksUri() {
    return baseUrl + "lti/jwks";
  }

  /**
   * {@code <base>lti/logo.svg}: the tool's logo.
   *
   * @return the logo uri
   */
  public String logoUri() {
    return baseUrl + "lti/logo.svg";
  }

  /**
   * The base URL's host, with its port when one is given: {@code host[:port]}.
   *
   * @return the base URL's host, with its port when one is given: {@code host[:port]}
   */
  public String domain() {
    return baseUrl.getPort() == -1
        ? baseUrl.getHost()
        : baseUrl.getHost() + ":" + baseUrl.getPort();
  }
}

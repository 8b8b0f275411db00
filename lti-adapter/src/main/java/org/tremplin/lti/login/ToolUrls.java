package org.tremplin.lti.login;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The tool's own public URLs, from configuration: its base URL (every launch target must live under
 * it, LTI.md §1.3) and the redirect URI registered with the platforms, sent byte for byte (§1.4).
 * Never derived from a request's Host header. Immutable.
 *
 * @param baseUrl e.g. {@code https://tremplin.example.org/}
 * @param redirectUri e.g. {@code https://tremplin.example.org/lti/launch}
 */
public record ToolUrls(URI baseUrl, String redirectUri) {

  /**
   * Checks both are absolute http(s) URLs and that the redirect URI is one of ours.
   *
   * @param baseUrl the tool's public base URL
   * @param redirectUri the redirect uri
   */
  public ToolUrls {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!isHttp(baseUrl) || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
    }
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    if (!path.endsWith("/")) {
      baseUrl = URI.create(baseUrl.toString() + "/");
    }
    Objects.requireNonNull(redirectUri, "redirectUri");
    if (!isOwn(baseUrl, redirectUri)) {
      throw new IllegalArgumentException("redirectUri must live under baseUrl: " + redirectUri);
    }
  }

  /**
   * Whether {@code candidate} is one of the tool's URLs: same scheme, host and port as the base
   * URL, no user info, and a path under the base path. A plain prefix test would let {@code
   * https://tool.example.evil.com} through.
   *
   * @param candidate the candidate
   * @return whether {@code candidate} is one of the tool's URLs: same scheme, host and port as the
   *     base URL, no user info, and a path under the base path
   */
  public boolean isOwn(String candidate) {
    return isOwn(baseUrl, candidate);
  }

  private static boolean isOwn(URI base, String candidate) {
    URI uri;
    try {
      uri = new URI(candidate);
    } catch (java.net.URISyntaxException e) {
      return false;
    }
    if (!isHttp(uri) || uri.getRawUserInfo() != null) {
      return false;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (path.contains("/../") || path.endsWith("/..") || path.contains("\\")) {
      return false;
    }
    return uri.getScheme().equalsIgnoreCase(base.getScheme())
        && uri.getHost().toLowerCase(Locale.ROOT).equals(base.getHost().toLowerCase(Locale.ROOT))
        && port(uri) == port(base)
        && (path + (path.endsWith("/") ? "" : "/")).startsWith(base.getRawPath());
  }

  private static boolean isHttp(URI uri) {
    return uri.isAbsolute()
        && uri.getHost() != null
        && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}

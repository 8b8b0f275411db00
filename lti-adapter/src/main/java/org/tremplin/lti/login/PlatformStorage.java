package org.tremplin.lti.login;

import java.net.URI;
import java.util.Locale;

/**
 * Facts of the 1EdTech "Platform Storage" and "Client Side postMessages" drafts (LTI.md §1.6)
 * shared by the login and the launch. Stateless.
 */
public final class PlatformStorage {
  /**
   * The longest {@code lti_storage_target} frame name accepted; longer ones fall back to cookies.
   */
  public static final int MAX_TARGET_LENGTH = 255;

  private PlatformStorage() {}

  /**
   * The origin ({@code scheme://host[:port]}, lower case, default port omitted) of a platform URL,
   * e.g. its OIDC authorisation URL: the only origin the storage messages go to and come from.
   *
   * @param url the URL
   * @return the origin ({@code scheme://host[:port]}, lower case, default port omitted) of a
   *     platform URL, e.g
   */
  public static String origin(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost().toLowerCase(Locale.ROOT);
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    int port = url.getPort();
    boolean defaultPort =
        port == -1
            || ("https".equals(scheme) && port == 443)
            || ("http".equals(scheme) && port == 80);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }
}

package org.tremplin.web.page;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * How an app page answers: HTML in UTF-8, never cached, and the security headers every page carries
 * — {@link #CSP} (scripts and styles only from Tremplin's own files, no inline script, forms only
 * to Tremplin), {@code Referrer-Policy: no-referrer} (links carry the session token), {@code
 * X-Content-Type-Options: nosniff}. {@code frame-ancestors} is added to every response by the
 * adapter's {@code FrameAncestors} filter (the registered platforms' origins). Stateless.
 */
public final class Pages {
  /** HTML in UTF-8. */
  public static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

  /**
   * The pages' content security policy: nothing by default; scripts, styles and images from
   * Tremplin's own files; forms posted only to Tremplin; no {@code <base>}; no plug-in. No {@code
   * unsafe-inline}: a page's script is a static file ({@link Scripts}).
   */
  public static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " form-action 'self'; base-uri 'none'; object-src 'none'";

  private Pages() {}

  /** A page: this status and this HTML, with the headers above. */
  public static Response html(int status, String html) {
    return secure(Response.status(status).type(HTML).entity(html)).build();
  }

  /** {@code 303 See Other} to {@code location} (after a form was accepted: post/redirect/get). */
  public static Response seeOther(URI location) {
    return secure(Response.seeOther(location)).build();
  }

  /** The headers above on a response being built. */
  public static Response.ResponseBuilder secure(Response.ResponseBuilder response) {
    return response
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", CSP);
  }
}

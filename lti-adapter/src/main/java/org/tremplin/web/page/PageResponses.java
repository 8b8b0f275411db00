package org.tremplin.web.page;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP answer of an app page: HTML in UTF-8, never cached (pages carry personal data and the
 * session token), no referrer, no script ({@code Content-Security-Policy} as the app's pages).
 * Stateless.
 */
public final class PageResponses {
  /** HTML in UTF-8. */
  public static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

  /** No script; the stylesheet and the forms only to ourselves. */
  public static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'";

  private PageResponses() {}

  /** A rendered page with this status. */
  public static Response html(int status, String html) {
    return Response.status(status)
        .type(HTML)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", CSP)
        .entity(html)
        .build();
  }
}

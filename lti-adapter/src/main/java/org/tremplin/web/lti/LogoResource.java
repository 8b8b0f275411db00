package org.tremplin.web.lti;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /lti/logo.svg}: the tool's logo, named in the Dynamic Registration request ({@code
 * logo_uri}) and the Canvas configuration ({@code icon_url}). Stateless.
 */
@Path("lti/logo.svg")
public final class LogoResource {
  private static final String SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" width=\"64\""
          + " height=\"64\"><rect width=\"64\" height=\"64\" rx=\"12\" fill=\"#1d4ed8\"/>"
          + "<path d=\"M14 46h36M20 46V30h24v16M32 30V16l10 6\" fill=\"none\" stroke=\"#fff\""
          + " stroke-width=\"5\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>\n";

  /** Creates the resource. */
  public LogoResource() {}

  /**
   * The SVG image.
   *
   * @return the SVG image
   */
  @GET
  public Response logo() {
    return Response.ok(SVG, "image/svg+xml")
        .header("Cache-Control", "max-age=86400")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'")
        .build();
  }
}

package org.tremplin.web.page;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code GET /assets/tremplin.css}: the one stylesheet of every page, served from the jar (no CDN,
 * no web font). Pages link it with a version taken from its content ({@link #HREF}), so it is
 * cached for a year and a new release is fetched at once. Immutable and thread-safe.
 */
@Path("assets/tremplin.css")
public final class StylesheetResource {
  /** The stylesheet's path from the application's root, with its content version. */
  public static final String HREF;

  /** {@code text/css} in UTF-8. */
  static final String CSS_TYPE = "text/css;charset=UTF-8";

  private static final byte[] CSS;

  static {
    try (InputStream in = StylesheetResource.class.getResourceAsStream("tremplin.css")) {
      if (in == null) {
        throw new IllegalStateException("tremplin.css is missing from the jar");
      }
      CSS = in.readAllBytes();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(CSS);
      HREF = "assets/tremplin.css?v=" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For JAX-RS; {@code TremplinFeature} registers one. */
  public StylesheetResource() {}

  /**
   * The stylesheet, cacheable for a year (its address changes with its content).
   *
   * @return the stylesheet, cacheable for a year (its address changes with its content)
   */
  @GET
  public Response stylesheet() {
    return Response.ok(CSS, CSS_TYPE)
        .header("Cache-Control", "public, max-age=31536000, immutable")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}

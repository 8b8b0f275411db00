package org.tremplin.web.lti;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@code GET /lti/storage.js}: the script of the platform-storage pages (LTI.md §1.6), served from
 * our own path so that the pages' CSP allows it as {@code 'self'}, with no inline script.
 * Thread-safe: the script is read once.
 */
@Path("lti/storage.js")
public final class StorageScriptResource {
  private final byte[] script;

  /** Reads the script from the classpath. */
  public StorageScriptResource() {
    try (InputStream in =
        Objects.requireNonNull(
            StorageScriptResource.class.getResourceAsStream("storage.js"), "storage.js")) {
      this.script = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read storage.js", e);
    }
  }

  /**
   * The script, as JavaScript, cacheable for an hour.
   *
   * @return the script, as JavaScript, cacheable for an hour
   */
  @GET
  public Response script() {
    return Response.ok(script.clone())
        .type("text/javascript;charset=UTF-8")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "public, max-age=3600")
        .build();
  }
}

package org.tremplin.web.deeplinking;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@code GET /lti/autopost.js}: the script that submits the deep linking response's form (LTI.md
 * §4), served from our own path so that the page's CSP allows it as {@code 'self'}, with no inline
 * script. Thread-safe: the script is read once.
 */
@Path("lti/autopost.js")
public final class AutoPostScriptResource {
  /** Its address from the tool's root. */
  static final String HREF = "lti/autopost.js";

  private final byte[] script;

  /** Reads the script from the classpath. */
  public AutoPostScriptResource() {
    try (InputStream in =
        Objects.requireNonNull(
            AutoPostScriptResource.class.getResourceAsStream("autopost.js"), "autopost.js")) {
      this.script = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read autopost.js", e);
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

package org.tremplin.web.page;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /assets/js/<name>}: the pages' scripts ({@link Scripts}), from the jar, as JavaScript,
 * cached for a year (their address changes with their content); 404 for any other name.
 * Thread-safe.
 */
@Path("assets/js/{name}")
public final class ScriptResource {
  /** For JAX-RS; {@code TremplinFeature} registers one. */
  public ScriptResource() {}

  /** The script, or 404. */
  @GET
  public Response script(@PathParam("name") String name) {
    return Scripts.find(name)
        .map(
            s ->
                Response.ok(s.content().clone(), "text/javascript;charset=UTF-8")
                    .header("Cache-Control", "public, max-age=31536000, immutable")
                    .header("X-Content-Type-Options", "nosniff")
                    .build())
        .orElseGet(() -> Response.status(404).build());
  }
}

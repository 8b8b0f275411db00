package org.tremplin.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 description of the REST API ({@link
 * OpenApiDocument}), built on first request and kept. Public (it describes, it holds no data).
 * Registered only when swagger is on the class path. Thread-safe.
 */
@Path("api/openapi.json")
public final class OpenApiResource {
  private final URI baseUrl;
  private final Object lock = new Object();
  private @Nullable String document; // guarded by lock

  /**
   * For this tool.
   *
   * @param baseUrl the tool's public URL
   */
  public OpenApiResource(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * The description.
   *
   * @return the OpenAPI document
   */
  @GET
  @Produces("application/json")
  public Response document() {
    String json;
    synchronized (lock) {
      if (document == null) {
        document = OpenApiDocument.json(baseUrl);
      }
      json = document;
    }
    return Response.ok(json, "application/json;charset=UTF-8")
        .header("Cache-Control", "public, max-age=300")
        .header("Access-Control-Allow-Origin", "*")
        .build();
  }
}

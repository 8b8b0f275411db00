package org.tremplin.web.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /health}: {@code {"status":"UP"}} while the server answers. The database check comes
 * with the database-backed stores. Stateless and thread-safe.
 */
@Path("health")
public final class HealthResource {

  /** Liveness. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    return Response.ok("{\"status\":\"UP\"}").header("Cache-Control", "no-store").build();
  }
}

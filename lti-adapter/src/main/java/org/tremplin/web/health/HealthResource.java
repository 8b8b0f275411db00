package org.tremplin.web.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.core.persistence.UnitOfWork;

/**
 * {@code GET /health}: {@code {"status":"UP","database":"UP"}} (200) when the server answers and
 * the database runs a query; {@code {"status":"DOWN","database":"DOWN"}} (503) when it does not, so
 * a load balancer takes the node out. Thread-safe.
 */
@Path("health")
public final class HealthResource {
  private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

  private final UnitOfWork database;

  /**
   * Checking this database.
   *
   * @param database the database (unit of work)
   */
  public HealthResource(UnitOfWork database) {
    this.database = database;
  }

  /**
   * Liveness and database check.
   *
   * @return the response
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    boolean up;
    try {
      up = database.read(h -> h.createQuery("select 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      LOG.warn("health check: database unreachable ({})", e.getClass().getSimpleName());
      up = false;
    }
    String body =
        up
            ? "{\"status\":\"UP\",\"database\":\"UP\"}"
            : "{\"status\":\"DOWN\",\"database\":\"DOWN\"}";
    return Response.status(up ? 200 : 503)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .header("Cache-Control", "no-store")
        .build();
  }
}

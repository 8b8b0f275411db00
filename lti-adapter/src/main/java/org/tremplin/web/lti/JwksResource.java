package org.tremplin.web.lti;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tremplin.lti.keys.ToolKeySource;

/** {@code GET /lti/jwks}: the tool's public keys, {@code {"keys":[...]}}. Thread-safe. */
@Path("lti/jwks")
public final class JwksResource {
  private final ToolKeySource toolKeys;

  /**
   * Publishing these keys' public parts.
   *
   * @param toolKeys the tool keys
   */
  public JwksResource(ToolKeySource toolKeys) {
    this.toolKeys = toolKeys;
  }

  /**
   * The public keyset.
   *
   * @return the public keyset
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response keys() {
    return Response.ok(toolKeys.publicJwks()).header("Cache-Control", "max-age=300").build();
  }
}

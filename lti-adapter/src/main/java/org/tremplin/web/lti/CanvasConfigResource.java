package org.tremplin.web.lti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tremplin.lti.registration.CanvasDeveloperKey;
import org.tremplin.lti.registration.ToolDescription;

/**
 * {@code GET /lti/canvas.json}: the Canvas developer-key configuration ({@link
 * CanvasDeveloperKey}), built once from the configured base URL. Thread-safe.
 */
@Path("lti/canvas.json")
public final class CanvasConfigResource {
  private final String json;

  /**
   * For this tool.
   *
   * @param tool the tool
   */
  public CanvasConfigResource(ToolDescription tool) {
    try {
      this.json =
          new ObjectMapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(CanvasDeveloperKey.json(tool));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the Canvas configuration", e);
    }
  }

  /**
   * The JSON document.
   *
   * @return the JSON document
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response configuration() {
    return Response.ok(json)
        .header("Cache-Control", "max-age=300")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}

package org.tremplin.web.api.learner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Params;

/**
 * {@code /api/v1/learners}: register a learner in a school ({@code ENROLMENT_WRITE} on the school),
 * read one (core's learner read). Thread-safe.
 */
@Path("api/v1/learners")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "learners")
@SecurityRequirement(name = "bearer")
public final class LearnersResource {
  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public LearnersResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * Registers a learner.
   *
   * @param security the caller
   * @param uri the request's address
   * @param body the learner
   * @return 201 with the learner
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "registerLearner",
      summary = "Registers a learner in a school",
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = NewLearner.class))),
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "registered",
              content = @Content(schema = @Schema(implementation = LearnerView.class))))
  public Response register(@Context SecurityContext security, @Context UriInfo uri, byte[] body) {
    NewLearner learner = ApiJson.read(body, NewLearner.class);
    Learner registered =
        tremplin
            .learners()
            .register(
                Caller.of(security),
                Params.school(learner.school()),
                learner.givenName(),
                learner.familyName());
    return ApiJson.created(
        uri.getAbsolutePathBuilder().path(registered.id().value().toString()).build(),
        LearnerView.of(registered));
  }

  /**
   * Reads a learner.
   *
   * @param security the caller
   * @param learner the learner's id
   * @return the learner
   */
  @GET
  @Path("{learner}")
  @Operation(
      operationId = "getLearner",
      summary = "Reads a learner",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the learner",
              content = @Content(schema = @Schema(implementation = LearnerView.class))))
  public Response learner(@Context SecurityContext security, @PathParam("learner") String learner) {
    return ApiJson.ok(
        LearnerView.of(tremplin.learners().get(Caller.of(security), Params.learner(learner))));
  }
}

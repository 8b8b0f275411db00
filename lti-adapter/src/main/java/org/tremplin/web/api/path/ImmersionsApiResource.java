package org.tremplin.web.api.path;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.coaching.WorkplaceImmersion;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Params;

/**
 * {@code /api/v1/cohorts/{cohort}/learners/{learner}/immersions}: a learner's company immersions
 * (PMSMP) and planning one (at most one month). Core checks {@code INSERTION_READ} / {@code
 * INSERTION_WRITE} (a manager of the school, the learner's referent coach) and audits. Thread-safe.
 */
@Path("api/v1/cohorts/{cohort}/learners/{learner}/immersions")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "insertion path")
@SecurityRequirement(name = "bearer")
public final class ImmersionsApiResource {
  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public ImmersionsApiResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * The learner's immersions.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @return the immersions
   */
  @GET
  @Operation(
      operationId = "listImmersions",
      summary = "A learner's company immersions (PMSMP), by first day",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the immersions",
              content = @Content(schema = @Schema(implementation = PathViews.ImmersionList.class))))
  public Response immersions(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner) {
    return ApiJson.ok(
        new PathViews.ImmersionList(
            tremplin
                .coaching()
                .immersions(Caller.of(security), Params.cohort(cohort), Params.learner(learner))
                .stream()
                .map(PathViews::immersion)
                .toList()));
  }

  /**
   * Plans an immersion.
   *
   * @param security the caller
   * @param uri the request's address
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param body the immersion
   * @return 201 with the immersion
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "planImmersion",
      summary = "Plans a company immersion of at most one month",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = PathBodies.NewImmersion.class),
                      examples =
                          @ExampleObject(
                              name = "bakery",
                              value =
                                  "{\"objective\":\"DISCOVER_JOB\",\"hostOrganisation\":"
                                      + "\"Boulangerie Martin\",\"tutor\":\"Paul Martin\","
                                      + "\"firstDay\":\"2026-02-02\",\"lastDay\":\"2026-02-13\"}"))),
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "planned",
              content = @Content(schema = @Schema(implementation = PathViews.ImmersionView.class))))
  public Response plan(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    PathBodies.NewImmersion i = ApiJson.read(body, PathBodies.NewImmersion.class);
    WorkplaceImmersion planned =
        tremplin
            .coaching()
            .planImmersion(
                Caller.of(security),
                c,
                l,
                new org.tremplin.api.coaching.NewImmersion(
                    PathBodies.required(i.objective(), "/objective"),
                    PathBodies.required(i.hostOrganisation(), "/hostOrganisation"),
                    PathBodies.required(i.tutor(), "/tutor"),
                    PathBodies.required(i.firstDay(), "/firstDay"),
                    PathBodies.required(i.lastDay(), "/lastDay")));
    return ApiJson.created(uri.getAbsolutePath(), PathViews.immersion(planned));
  }
}

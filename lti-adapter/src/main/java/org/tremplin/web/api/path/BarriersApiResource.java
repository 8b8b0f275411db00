package org.tremplin.web.api.path;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.coaching.Barrier;
import org.tremplin.api.coaching.BarrierId;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Params;
import org.tremplin.web.api.frame.Preconditions;

/**
 * {@code /api/v1/cohorts/{cohort}/learners/{learner}/barriers}: a learner's barriers (list, read
 * one), opening one, and changing one's status ({@code If-Match} with the barrier's tag; closing
 * needs the result as note). Core checks {@code INSERTION_READ} / {@code INSERTION_WRITE} (a
 * manager of the school, the learner's referent coach) and audits. Thread-safe.
 */
@Path("api/v1/cohorts/{cohort}/learners/{learner}/barriers")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "insertion path")
@SecurityRequirement(name = "bearer")
public final class BarriersApiResource {
  private final Tremplin tremplin;
  private final Clock clock;

  /**
   * Over this engine and clock.
   *
   * @param tremplin the engine
   * @param clock the clock read for "today"
   */
  public BarriersApiResource(Tremplin tremplin, Clock clock) {
    this.tremplin = tremplin;
    this.clock = clock;
  }

  /**
   * The learner's barriers.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @return the barriers
   */
  @GET
  @Operation(
      operationId = "listBarriers",
      summary = "A learner's barriers, by opening day, with their status history",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the barriers",
              content = @Content(schema = @Schema(implementation = PathViews.BarrierList.class))))
  public Response barriers(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner) {
    return ApiJson.ok(
        new PathViews.BarrierList(
            tremplin
                .coaching()
                .barriers(Caller.of(security), Params.cohort(cohort), Params.learner(learner))
                .stream()
                .map(PathViews::barrier)
                .toList()));
  }

  /**
   * One barrier (its tag guards its status change).
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param barrier the barrier's id
   * @return the barrier
   */
  @GET
  @Path("{barrier}")
  @Operation(
      operationId = "getBarrier",
      summary = "One barrier of a learner (its ETag guards a status change)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the barrier",
              content = @Content(schema = @Schema(implementation = PathViews.BarrierView.class))))
  public Response barrier(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @PathParam("barrier") String barrier) {
    return ApiJson.ok(
        PathViews.barrier(
            current(
                Caller.of(security),
                Params.cohort(cohort),
                Params.learner(learner),
                new BarrierId(Params.uuid("barrier", barrier)))));
  }

  private Barrier current(Actor actor, CohortId cohort, LearnerId learner, BarrierId id) {
    return tremplin.coaching().barriers(actor, cohort, learner).stream()
        .filter(b -> b.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.BARRIER_NOT_FOUND, "no barrier " + id + " for this learner"));
  }

  /**
   * Opens a barrier.
   *
   * @param security the caller
   * @param uri the request's address
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param body the barrier
   * @return 201 with the barrier
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "openBarrier",
      summary = "Opens a barrier (its history starts OPEN on its opening day)",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = PathBodies.NewBarrier.class),
                      examples =
                          @ExampleObject(
                              name = "mobility",
                              value =
                                  "{\"category\":\"MOBILITY\",\"severity\":\"HIGH\","
                                      + "\"description\":\"Pas de moyen de transport le matin\","
                                      + "\"openedOn\":\"2025-09-15\"}"))),
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "opened",
              content = @Content(schema = @Schema(implementation = PathViews.BarrierView.class))))
  public Response open(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    PathBodies.NewBarrier b = ApiJson.read(body, PathBodies.NewBarrier.class);
    var barrier =
        new org.tremplin.api.coaching.NewBarrier(
            PathBodies.required(b.category(), "/category"),
            PathBodies.required(b.severity(), "/severity"),
            b.openedOn() == null ? LocalDate.now(clock) : b.openedOn(),
            PathBodies.required(b.description(), "/description"));
    Actor actor = Caller.of(security);
    Barrier opened =
        tremplin
            .transactions()
            .inTransaction(
                h -> {
                  BarrierId id = tremplin.coaching().openBarrier(actor, c, l, barrier).id();
                  // as stored (a read answers the same bytes, hence the same tag)
                  return current(actor, c, l, id);
                });
    return ApiJson.created(
        uri.getAbsolutePathBuilder().path(opened.id().value().toString()).build(),
        PathViews.barrier(opened));
  }

  /**
   * Changes a barrier's status.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param barrier the barrier's id
   * @param ifMatch the barrier's tag as last read
   * @param body the new status
   * @return the barrier
   */
  @POST
  @Path("{barrier}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeBarrierStatus",
      summary = "Moves a barrier to a new status; closing needs the result (If-Match required)",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = PathBodies.BarrierStatusBody.class),
                      examples =
                          @ExampleObject(
                              name = "resolved",
                              value =
                                  "{\"status\":\"RESOLVED\",\"note\":\"Carte de bus obtenue\","
                                      + "\"on\":\"2025-10-02\"}"))),
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the barrier",
              content = @Content(schema = @Schema(implementation = PathViews.BarrierView.class))))
  public Response changeStatus(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @PathParam("barrier") String barrier,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(in = ParameterIn.HEADER, required = true, description = "ETag of the read")
          @Nullable String ifMatch,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    BarrierId id = new BarrierId(Params.uuid("barrier", barrier));
    PathBodies.BarrierStatusBody change = ApiJson.read(body, PathBodies.BarrierStatusBody.class);
    PathBodies.required(change.status(), "/status");
    Actor actor = Caller.of(security);
    return ApiJson.ok(
        tremplin
            .transactions()
            .inTransaction(
                h -> {
                  Preconditions.check(ifMatch, PathViews.barrier(current(actor, c, l, id)));
                  tremplin
                      .coaching()
                      .changeBarrierStatus(
                          actor,
                          c,
                          l,
                          id,
                          change.status(),
                          change.on() == null ? LocalDate.now(clock) : change.on(),
                          change.note() == null ? "" : change.note());
                  // as stored (a read answers the same bytes, hence the same tag)
                  return PathViews.barrier(current(actor, c, l, id));
                }));
  }
}

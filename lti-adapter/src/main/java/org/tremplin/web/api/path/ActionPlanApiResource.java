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
import org.tremplin.api.coaching.Action;
import org.tremplin.api.coaching.ActionId;
import org.tremplin.api.coaching.ActionStatus;
import org.tremplin.api.coaching.BarrierId;
import org.tremplin.api.coaching.Objective;
import org.tremplin.api.coaching.ObjectiveFocus;
import org.tremplin.api.coaching.ObjectiveId;
import org.tremplin.api.coaching.Referral;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Params;
import org.tremplin.web.api.frame.Preconditions;
import org.tremplin.web.api.frame.Problem;

/**
 * {@code /api/v1/cohorts/{cohort}/learners/{learner}/action-plan}: a learner's action plan
 * (objectives with their actions, referrals to partners); adding an objective, an action or a
 * referral; closing an action as done or cancelled ({@code If-Match} with the action's tag). Core
 * checks {@code INSERTION_READ} / {@code INSERTION_WRITE} (a manager of the school, the learner's
 * referent coach) and audits. Thread-safe.
 */
@Path("api/v1/cohorts/{cohort}/learners/{learner}/action-plan")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "insertion path")
@SecurityRequirement(name = "bearer")
public final class ActionPlanApiResource {
  private final Tremplin tremplin;
  private final Clock clock;

  /**
   * Over this engine and clock.
   *
   * @param tremplin the engine
   * @param clock the clock read for "today"
   */
  public ActionPlanApiResource(Tremplin tremplin, Clock clock) {
    this.tremplin = tremplin;
    this.clock = clock;
  }

  /**
   * The learner's action plan.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @return the plan
   */
  @GET
  @Operation(
      operationId = "getActionPlan",
      summary = "A learner's action plan: objectives with their actions, and referrals",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the action plan",
              content =
                  @Content(schema = @Schema(implementation = PathViews.ActionPlanView.class))))
  public Response plan(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner) {
    return ApiJson.ok(
        PathViews.plan(
            tremplin
                .coaching()
                .actionPlan(Caller.of(security), Params.cohort(cohort), Params.learner(learner))));
  }

  /**
   * Adds an objective.
   *
   * @param security the caller
   * @param uri the request's address
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param body the objective
   * @return 201 with the objective
   */
  @POST
  @Path("objectives")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addObjective",
      summary = "Adds an objective to the plan (on a barrier, or the career project)",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = PathBodies.NewObjective.class),
                      examples =
                          @ExampleObject(
                              name = "career",
                              value =
                                  "{\"title\":\"Trouver un stage\",\"setOn\":\"2025-09-15\"}"))),
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "added",
              content = @Content(schema = @Schema(implementation = PathViews.ObjectiveView.class))))
  public Response addObjective(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    PathBodies.NewObjective o = ApiJson.read(body, PathBodies.NewObjective.class);
    ObjectiveFocus focus =
        o.barrier() == null
            ? new ObjectiveFocus.CareerProject()
            : new ObjectiveFocus.OnBarrier(new BarrierId(Params.uuid("/barrier", o.barrier())));
    Objective added =
        tremplin
            .coaching()
            .addObjective(
                Caller.of(security),
                c,
                l,
                new org.tremplin.api.coaching.NewObjective(
                    PathBodies.required(o.title(), "/title"),
                    focus,
                    o.setOn() == null ? LocalDate.now(clock) : o.setOn()));
    return ApiJson.created(
        uri.getBaseUriBuilder().path(uri.getPath().replaceFirst("/objectives$", "")).build(),
        PathViews.objective(added));
  }

  /**
   * Adds an action to an objective.
   *
   * @param security the caller
   * @param uri the request's address
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param body the action
   * @return 201 with the action
   */
  @POST
  @Path("actions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addAction",
      summary = "Adds an action (to do) to an objective of the plan",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = PathBodies.NewAction.class),
                      examples =
                          @ExampleObject(
                              name = "call",
                              value =
                                  "{\"objective\":\"5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d\","
                                      + "\"description\":\"Appeler la mission locale\","
                                      + "\"owner\":\"LEARNER\",\"dueOn\":\"2025-10-01\"}"))),
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "added",
              content = @Content(schema = @Schema(implementation = PathViews.ActionView.class))))
  public Response addAction(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    PathBodies.NewAction a = ApiJson.read(body, PathBodies.NewAction.class);
    ObjectiveId objective = new ObjectiveId(Params.uuid("/objective", a.objective()));
    Action added =
        tremplin
            .coaching()
            .addAction(
                Caller.of(security),
                c,
                l,
                objective,
                new org.tremplin.api.coaching.NewAction(
                    PathBodies.required(a.description(), "/description"),
                    PathBodies.required(a.owner(), "/owner"),
                    PathBodies.required(a.dueOn(), "/dueOn")));
    return ApiJson.created(
        uri.getAbsolutePathBuilder().path(added.id().value().toString()).build(),
        PathViews.action(added));
  }

  /**
   * One action (its tag guards its closing).
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param action the action's id
   * @return the action
   */
  @GET
  @Path("actions/{action}")
  @Operation(
      operationId = "getAction",
      summary = "One action of the plan (its ETag guards closing it)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the action",
              content = @Content(schema = @Schema(implementation = PathViews.ActionView.class))))
  public Response action(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @PathParam("action") String action) {
    return ApiJson.ok(
        PathViews.action(
            current(
                Caller.of(security),
                Params.cohort(cohort),
                Params.learner(learner),
                new ActionId(Params.uuid("action", action)))));
  }

  private Action current(Actor actor, CohortId cohort, LearnerId learner, ActionId id) {
    return tremplin.coaching().actionPlan(actor, cohort, learner).objectives().stream()
        .flatMap(o -> o.actions().stream())
        .filter(a -> a.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.ACTION_NOT_FOUND, "no action " + id + " for this learner"));
  }

  /**
   * Closes an action as done or cancelled.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param action the action's id
   * @param ifMatch the action's tag as last read
   * @param body how it closes
   * @return the action
   */
  @POST
  @Path("actions/{action}/close")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "closeAction",
      summary = "Closes an action as DONE or CANCELLED (If-Match required)",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = PathBodies.CloseAction.class),
                      examples = @ExampleObject(name = "done", value = "{\"status\":\"DONE\"}"))),
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the action",
              content = @Content(schema = @Schema(implementation = PathViews.ActionView.class))))
  public Response close(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @PathParam("action") String action,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(in = ParameterIn.HEADER, required = true, description = "ETag of the read")
          @Nullable String ifMatch,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    ActionId id = new ActionId(Params.uuid("action", action));
    ActionStatus status =
        PathBodies.required(ApiJson.read(body, PathBodies.CloseAction.class).status(), "/status");
    if (status == ActionStatus.TODO) {
      throw Problem.badRequest("/status", "DONE or CANCELLED");
    }
    Actor actor = Caller.of(security);
    return ApiJson.ok(
        tremplin
            .transactions()
            .inTransaction(
                h -> {
                  Preconditions.check(ifMatch, PathViews.action(current(actor, c, l, id)));
                  return PathViews.action(tremplin.coaching().closeAction(actor, c, l, id, status));
                }));
  }

  /**
   * Records a referral to a partner.
   *
   * @param security the caller
   * @param uri the request's address
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param body the referral
   * @return 201 with the referral
   */
  @POST
  @Path("referrals")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addReferral",
      summary = "Records a referral of the learner to a partner",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = PathBodies.NewReferral.class),
                      examples =
                          @ExampleObject(
                              name = "housing",
                              value =
                                  "{\"partner\":\"HOUSING\",\"purpose\":\"Accompagnement"
                                      + " logement\",\"on\":\"2025-09-20\"}"))),
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "recorded",
              content = @Content(schema = @Schema(implementation = PathViews.ReferralView.class))))
  public Response refer(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    PathBodies.NewReferral r = ApiJson.read(body, PathBodies.NewReferral.class);
    Referral referral =
        tremplin
            .coaching()
            .refer(
                Caller.of(security),
                c,
                l,
                new org.tremplin.api.coaching.NewReferral(
                    PathBodies.required(r.partner(), "/partner"),
                    r.on() == null ? LocalDate.now(clock) : r.on(),
                    PathBodies.required(r.purpose(), "/purpose")));
    return ApiJson.created(
        uri.getBaseUriBuilder().path(uri.getPath().replaceFirst("/referrals$", "")).build(),
        PathViews.referral(referral));
  }
}

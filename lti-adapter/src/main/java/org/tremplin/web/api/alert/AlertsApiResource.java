package org.tremplin.web.api.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.util.UUID;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.alert.Alert;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Params;
import org.tremplin.web.api.frame.Preconditions;

/**
 * {@code /api/v1/cohorts/{cohort}/learners/{learner}/alerts}: a learner's open alerts, and
 * acknowledging or resolving one of them ({@code If-Match} with the tag of the alert's read). Every
 * check is core's: alerts are insertion data ({@code INSERTION_READ}, {@code INSERTION_WRITE}), so
 * of the token roles only managers reach them. Thread-safe.
 */
@Path("api/v1/cohorts/{cohort}/learners/{learner}/alerts")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts")
@SecurityRequirement(name = "bearer")
public final class AlertsApiResource {
  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public AlertsApiResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * A learner's open alerts.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @return the open alerts
   */
  @GET
  @Operation(
      operationId = "listAlerts",
      summary = "A learner's open (and acknowledged) alerts",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the alerts",
              content = @Content(schema = @Schema(implementation = AlertView.AlertList.class))))
  public Response alerts(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner) {
    return ApiJson.ok(
        new AlertView.AlertList(
            tremplin
                .alerts()
                .open(Caller.of(security), Params.cohort(cohort), Params.learner(learner))
                .stream()
                .map(AlertView::of)
                .toList()));
  }

  /**
   * One open alert of the learner (its tag guards acknowledge and resolve).
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param alert the alert's id
   * @return the alert
   */
  @GET
  @Path("{alert}")
  @Operation(
      operationId = "getAlert",
      summary = "One open alert of a learner (its ETag guards acknowledge and resolve)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the alert",
              content = @Content(schema = @Schema(implementation = AlertView.class))))
  public Response alert(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @PathParam("alert") String alert) {
    return ApiJson.ok(
        current(
            Caller.of(security),
            Params.cohort(cohort),
            Params.learner(learner),
            Params.uuid("alert", alert)));
  }

  private AlertView current(Actor actor, CohortId cohort, LearnerId learner, UUID id) {
    return tremplin.alerts().open(actor, cohort, learner).stream()
        .filter(a -> a.id().equals(id))
        .map(AlertView::of)
        .findFirst()
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.ALERT_NOT_FOUND, "no open alert " + id + " for this learner"));
  }

  /**
   * Acknowledges an alert.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param alert the alert's id
   * @param ifMatch the alert's tag (from its read)
   * @return the alert
   */
  @POST
  @Path("{alert}/acknowledge")
  @Operation(
      operationId = "acknowledgeAlert",
      summary = "Acknowledges an alert (If-Match: the alert's tag)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the alert",
              content = @Content(schema = @Schema(implementation = AlertView.class))))
  public Response acknowledge(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @PathParam("alert") String alert,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(in = ParameterIn.HEADER, required = true, description = "the alert's tag")
          @Nullable String ifMatch) {
    return change(
        security,
        cohort,
        learner,
        alert,
        ifMatch,
        (actor, id) -> tremplin.alerts().acknowledge(actor, id));
  }

  /**
   * Resolves an alert.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param alert the alert's id
   * @param ifMatch the alert's tag (from its read)
   * @return the alert
   */
  @POST
  @Path("{alert}/resolve")
  @Operation(
      operationId = "resolveAlert",
      summary = "Resolves an alert (If-Match: the alert's tag)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the alert",
              content = @Content(schema = @Schema(implementation = AlertView.class))))
  public Response resolve(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @PathParam("alert") String alert,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(in = ParameterIn.HEADER, required = true, description = "the alert's tag")
          @Nullable String ifMatch) {
    return change(
        security,
        cohort,
        learner,
        alert,
        ifMatch,
        (actor, id) -> tremplin.alerts().resolve(actor, id));
  }

  private Response change(
      SecurityContext security,
      String cohort,
      String learner,
      String alert,
      @Nullable String ifMatch,
      BiFunction<Actor, UUID, Alert> change) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    UUID id = Params.uuid("alert", alert);
    Actor actor = Caller.of(security);
    return ApiJson.ok(
        tremplin
            .transactions()
            .inTransaction(
                handle -> {
                  Preconditions.check(ifMatch, current(actor, c, l, id));
                  return AlertView.of(change.apply(actor, id));
                }));
  }
}

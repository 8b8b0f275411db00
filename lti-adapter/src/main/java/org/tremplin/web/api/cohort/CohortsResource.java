package org.tremplin.web.api.cohort;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Paging;
import org.tremplin.web.api.frame.Params;
import org.tremplin.web.api.frame.Preconditions;
import org.tremplin.web.api.frame.Problem;
import org.tremplin.web.api.learner.LearnerView;

/**
 * {@code /api/v1/cohorts}: open a cohort ({@code PROGRAMME_WRITE}), read one, list its learners and
 * their enrolments ({@code COHORT_READ}), enrol a learner, record a departure or a re-entry ({@code
 * ENROLMENT_WRITE}; the last two need {@code If-Match} with the enrolment's tag). Every check is
 * core's. Thread-safe.
 */
@Path("api/v1/cohorts")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cohorts")
@SecurityRequirement(name = "bearer")
public final class CohortsResource {
  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public CohortsResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * Opens a cohort.
   *
   * @param security the caller
   * @param uri the request's address
   * @param body the cohort
   * @return 201 with the cohort
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "openCohort",
      summary = "Opens a cohort in a school",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = NewCohortBody.class),
                      examples =
                          @ExampleObject(
                              name = "dwwm",
                              value =
                                  "{\"school\":\"5f0c9a52-2c1d-4a8f-9d3e-7b6a5c4d3e2f\","
                                      + "\"name\":\"DWWM 2025-2026\",\"start\":\"2025-09-01\","
                                      + "\"end\":\"2026-06-30\",\"template\":{\"id\":"
                                      + "\"ecole-du-web\",\"version\":1},\"capacity\":12,"
                                      + "\"closures\":[{\"start\":\"2025-12-22\","
                                      + "\"end\":\"2026-01-02\"}]}"))),
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "opened",
              content = @Content(schema = @Schema(implementation = CohortView.class))))
  public Response open(@Context SecurityContext security, @Context UriInfo uri, byte[] body) {
    NewCohortBody cohort = ApiJson.read(body, NewCohortBody.class);
    List<CohortView.PeriodView> closures =
        cohort.closures() == null ? List.of() : cohort.closures();
    for (int i = 0; i < closures.size(); i++) {
      if (closures.get(i) == null) {
        throw Problem.badRequest("/closures/" + i, "a period is required");
      }
    }
    Cohort opened =
        tremplin
            .cohorts()
            .open(
                Caller.of(security),
                new NewCohort(
                    Params.school(cohort.school()),
                    cohort.name(),
                    new DateRange(cohort.start(), cohort.end()),
                    new TemplateRef(cohort.template().id(), cohort.template().version()),
                    cohort.capacity(),
                    closures.stream().map(p -> new DateRange(p.start(), p.end())).toList()));
    return ApiJson.created(
        uri.getAbsolutePathBuilder().path(opened.id().value().toString()).build(),
        CohortView.of(opened));
  }

  /**
   * Reads a cohort.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @return the cohort
   */
  @GET
  @Path("{cohort}")
  @Operation(
      operationId = "getCohort",
      summary = "Reads a cohort",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the cohort",
              content = @Content(schema = @Schema(implementation = CohortView.class))))
  public Response cohort(@Context SecurityContext security, @PathParam("cohort") String cohort) {
    return ApiJson.ok(
        CohortView.of(tremplin.cohorts().get(Caller.of(security), Params.cohort(cohort))));
  }

  /**
   * The cohort's learners, a page at a time.
   *
   * @param security the caller
   * @param uri the request's address
   * @param cohort the cohort's id
   * @param limit the page size
   * @param cursor the page's cursor
   * @return a page of learners
   */
  @GET
  @Path("{cohort}/learners")
  @Operation(
      operationId = "listCohortLearners",
      summary = "Lists the learners of a cohort (paged)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "a page of learners",
              content = @Content(schema = @Schema(implementation = LearnerPage.class))))
  public Response learners(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("cohort") String cohort,
      @QueryParam("limit") @Parameter(schema = @Schema(type = "integer", example = "50"))
          @Nullable String limit,
      @QueryParam("cursor") @Nullable String cursor) {
    Paging paging = Paging.of(limit, cursor);
    List<LearnerView> learners =
        tremplin.learners().learners(Caller.of(security), Params.cohort(cohort)).stream()
            .map(LearnerView::of)
            .toList();
    return paging.reply(learners, LearnerView::id, uri);
  }

  /**
   * The enrolments of the cohort, a page at a time.
   *
   * @param security the caller
   * @param uri the request's address
   * @param cohort the cohort's id
   * @param limit the page size
   * @param cursor the page's cursor
   * @return a page of enrolments
   */
  @GET
  @Path("{cohort}/enrolments")
  @Operation(
      operationId = "listEnrolments",
      summary = "Lists the enrolments of a cohort (paged)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "a page of enrolments",
              content = @Content(schema = @Schema(implementation = EnrolmentPage.class))))
  public Response enrolments(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("cohort") String cohort,
      @QueryParam("limit") @Parameter(schema = @Schema(type = "integer", example = "50"))
          @Nullable String limit,
      @QueryParam("cursor") @Nullable String cursor) {
    Paging paging = Paging.of(limit, cursor);
    List<EnrolmentView> enrolments =
        tremplin.learners().enrolments(Caller.of(security), Params.cohort(cohort)).stream()
            .map(EnrolmentView::of)
            .toList();
    return paging.reply(enrolments, EnrolmentView::learner, uri);
  }

  /**
   * Enrols a learner.
   *
   * @param security the caller
   * @param uri the request's address
   * @param cohort the cohort's id
   * @param body who and when
   * @return 201 with the enrolment
   */
  @POST
  @Path("{cohort}/enrolments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "enrol",
      summary = "Enrols a learner in the cohort",
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = EnrolmentBodies.Join.class))),
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "enrolled",
              content = @Content(schema = @Schema(implementation = EnrolmentView.class))))
  public Response enrol(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("cohort") String cohort,
      byte[] body) {
    CohortId id = Params.cohort(cohort);
    EnrolmentBodies.Join join = ApiJson.read(body, EnrolmentBodies.Join.class);
    LearnerId learner = new LearnerId(Params.uuid("/learner", join.learner()));
    Actor actor = Caller.of(security);
    Enrolment enrolment =
        tremplin
            .transactions()
            .inTransaction(
                handle -> {
                  tremplin.learners().join(actor, id, learner, join.date());
                  return tremplin.learners().enrolment(actor, id, learner);
                });
    return ApiJson.created(
        uri.getAbsolutePathBuilder().path(learner.value().toString()).build(),
        EnrolmentView.of(enrolment));
  }

  /**
   * A learner's enrolment.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @return the enrolment
   */
  @GET
  @Path("{cohort}/enrolments/{learner}")
  @Operation(
      operationId = "getEnrolment",
      summary = "Reads a learner's enrolment (its ETag guards leave and reentry)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the enrolment",
              content = @Content(schema = @Schema(implementation = EnrolmentView.class))))
  public Response enrolment(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner) {
    return ApiJson.ok(
        EnrolmentView.of(
            tremplin
                .learners()
                .enrolment(Caller.of(security), Params.cohort(cohort), Params.learner(learner))));
  }

  /**
   * Records that a learner leaves.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param ifMatch the enrolment's tag as last read
   * @param body when and why
   * @return the enrolment
   */
  @POST
  @Path("{cohort}/enrolments/{learner}/leave")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "leave",
      summary = "Records that a learner leaves the cohort (If-Match required)",
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = EnrolmentBodies.Leave.class))),
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the enrolment",
              content = @Content(schema = @Schema(implementation = EnrolmentView.class))))
  public Response leave(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(in = ParameterIn.HEADER, required = true, description = "ETag of the read")
          @Nullable String ifMatch,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    EnrolmentBodies.Leave leave = ApiJson.read(body, EnrolmentBodies.Leave.class);
    Actor actor = Caller.of(security);
    return changeEnrolment(
        actor,
        c,
        l,
        ifMatch,
        () -> tremplin.learners().leave(actor, c, l, leave.date(), leave.reason()));
  }

  /**
   * Records that a learner who left comes back.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param ifMatch the enrolment's tag as last read
   * @param body when
   * @return the enrolment
   */
  @POST
  @Path("{cohort}/enrolments/{learner}/reentry")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reenter",
      summary = "Records that a learner who left re-enters the cohort (If-Match required)",
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = EnrolmentBodies.Reentry.class))),
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the enrolment",
              content = @Content(schema = @Schema(implementation = EnrolmentView.class))))
  public Response reenter(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(in = ParameterIn.HEADER, required = true, description = "ETag of the read")
          @Nullable String ifMatch,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    EnrolmentBodies.Reentry reentry = ApiJson.read(body, EnrolmentBodies.Reentry.class);
    Actor actor = Caller.of(security);
    return changeEnrolment(
        actor, c, l, ifMatch, () -> tremplin.learners().reenter(actor, c, l, reentry.date()));
  }

  /**
   * Checks the enrolment against the tag its caller read, applies the change and answers the
   * enrolment as stored, all in one transaction (a stale tag changes nothing).
   */
  private Response changeEnrolment(
      Actor actor, CohortId c, LearnerId l, @Nullable String ifMatch, Runnable change) {
    return ApiJson.ok(
        tremplin
            .transactions()
            .inTransaction(
                handle -> {
                  Preconditions.check(
                      ifMatch, EnrolmentView.of(tremplin.learners().enrolment(actor, c, l)));
                  change.run();
                  // as stored (a read answers the same bytes, hence the same tag)
                  return EnrolmentView.of(tremplin.learners().enrolment(actor, c, l));
                }));
  }

  /** A page of learners (for the OpenAPI document). */
  @Schema(name = "LearnerPage")
  record LearnerPage(
      List<LearnerView> items,
      @Schema(description = "cursor of the next page; absent on the last", example = "MGI2YzNm")
          @Nullable String next) {}

  /** A page of enrolments (for the OpenAPI document). */
  @Schema(name = "EnrolmentPage")
  record EnrolmentPage(
      List<EnrolmentView> items,
      @Schema(description = "cursor of the next page; absent on the last", example = "MGI2YzNm")
          @Nullable String next) {}
}

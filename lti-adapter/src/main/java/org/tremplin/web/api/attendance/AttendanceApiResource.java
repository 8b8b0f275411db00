package org.tremplin.web.api.attendance;

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
import jakarta.ws.rs.PUT;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Params;
import org.tremplin.web.api.frame.Preconditions;
import org.tremplin.web.api.frame.Problem;

/**
 * {@code /api/v1/cohorts/{cohort}/attendance}: the sheet of a day ({@code ATTENDANCE_READ}), a
 * batch of half-days recorded at once or not at all ({@code ATTENDANCE_WRITE}), one learner's
 * half-day with every version, and its correction ({@code If-Match} with the half-day's tag). Every
 * check is core's. Thread-safe.
 */
@Path("api/v1/cohorts/{cohort}/attendance")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attendance")
@SecurityRequirement(name = "bearer")
public final class AttendanceApiResource {
  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public AttendanceApiResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * The current sheet of a day.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param date the day
   * @return the sheet
   */
  @GET
  @Operation(
      operationId = "getAttendanceSheet",
      summary = "The attendance sheet of a day: the latest version of each recorded half-day",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the sheet",
              content = @Content(schema = @Schema(implementation = AttendanceBodies.Sheet.class))))
  public Response sheet(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @QueryParam("date")
          @Parameter(required = true, schema = @Schema(type = "string", format = "date"))
          @Nullable String date) {
    CohortId id = Params.cohort(cohort);
    LocalDate day = Params.date("date", date);
    List<AttendanceView> records =
        tremplin.attendance().sheet(Caller.of(security), id, day).stream()
            .map(AttendanceView::of)
            .toList();
    return ApiJson.ok(new AttendanceBodies.Sheet(cohort, day, records));
  }

  /**
   * Records a batch of half-days.
   *
   * @param security the caller
   * @param uri the request's address
   * @param cohort the cohort's id
   * @param body the half-days
   * @return 201 with the records made
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "recordAttendance",
      summary = "Records half-days of attendance, all or none",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = AttendanceBodies.Batch.class),
                      examples =
                          @ExampleObject(
                              name = "morning",
                              value =
                                  "{\"entries\":[{\"learner\":"
                                      + "\"0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e\","
                                      + "\"date\":\"2026-03-02\",\"part\":\"AM\","
                                      + "\"mark\":\"LATE\",\"lateMinutes\":15}]}"))),
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "recorded",
              content =
                  @Content(schema = @Schema(implementation = AttendanceBodies.Recorded.class))))
  public Response record(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("cohort") String cohort,
      byte[] body) {
    CohortId id = Params.cohort(cohort);
    AttendanceBodies.Batch batch = ApiJson.read(body, AttendanceBodies.Batch.class);
    if (batch.entries().isEmpty()) {
      throw Problem.badRequest("/entries", "at least one half-day");
    }
    List<AttendanceEntry> entries = new ArrayList<>();
    for (int i = 0; i < batch.entries().size(); i++) {
      AttendanceBodies.Entry entry = batch.entries().get(i);
      if (entry == null) {
        throw Problem.badRequest("/entries/" + i, "a half-day is required");
      }
      entries.add(
          new AttendanceEntry(
              new LearnerId(Params.uuid("/entries/" + i + "/learner", entry.learner())),
              new HalfDay(entry.date(), entry.part()),
              mark(entry.mark(), entry.lateMinutes())));
    }
    List<AttendanceView> records =
        tremplin.attendance().recordAll(Caller.of(security), id, entries).stream()
            .map(AttendanceView::of)
            .toList();
    return ApiJson.created(
        uri.getAbsolutePathBuilder().queryParam("date", entries.get(0).halfDay().date()).build(),
        new AttendanceBodies.Recorded(records));
  }

  /**
   * One learner's half-day, every version.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param date the day
   * @param part morning or afternoon
   * @return the half-day
   */
  @GET
  @Path("{learner}/{date}/{part}")
  @Operation(
      operationId = "getAttendanceHalfDay",
      summary = "One learner's half-day with every version (its ETag guards a correction)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the half-day",
              content =
                  @Content(
                      schema = @Schema(implementation = AttendanceBodies.HalfDayHistory.class))))
  public Response halfDay(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @PathParam("date") @Parameter(schema = @Schema(type = "string", format = "date")) String date,
      @PathParam("part") @Parameter(schema = @Schema(allowableValues = {"AM", "PM"})) String part) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    HalfDay halfDay = new HalfDay(Params.date("date", date), Params.part(part));
    return ApiJson.ok(history(Caller.of(security), c, l, halfDay));
  }

  /**
   * Corrects one learner's half-day.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param date the day
   * @param part morning or afternoon
   * @param ifMatch the half-day's tag as last read
   * @param body the correction
   * @return the half-day, every version
   */
  @PUT
  @Path("{learner}/{date}/{part}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "correctAttendance",
      summary = "Corrects a recorded half-day, with a reason (If-Match required)",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = AttendanceBodies.Correction.class))),
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the half-day",
              content =
                  @Content(
                      schema = @Schema(implementation = AttendanceBodies.HalfDayHistory.class))))
  public Response correct(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @PathParam("date") @Parameter(schema = @Schema(type = "string", format = "date")) String date,
      @PathParam("part") @Parameter(schema = @Schema(allowableValues = {"AM", "PM"})) String part,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(in = ParameterIn.HEADER, required = true, description = "ETag of the read")
          @Nullable String ifMatch,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    HalfDay halfDay = new HalfDay(Params.date("date", date), Params.part(part));
    AttendanceBodies.Correction correction = ApiJson.read(body, AttendanceBodies.Correction.class);
    AttendanceMark mark = mark(correction.mark(), correction.lateMinutes());
    Actor actor = Caller.of(security);
    return ApiJson.ok(
        tremplin
            .transactions()
            .inTransaction(
                handle -> {
                  Preconditions.check(ifMatch, history(actor, c, l, halfDay));
                  tremplin
                      .attendance()
                      .correct(
                          actor, c, new AttendanceEntry(l, halfDay, mark), correction.reason());
                  return history(actor, c, l, halfDay);
                }));
  }

  private AttendanceBodies.HalfDayHistory history(
      Actor actor, CohortId cohort, LearnerId learner, HalfDay halfDay) {
    return new AttendanceBodies.HalfDayHistory(
        cohort.value().toString(),
        learner.value().toString(),
        halfDay.date(),
        halfDay.part(),
        tremplin.attendance().history(actor, cohort, learner, halfDay).stream()
            .map(AttendanceView::of)
            .toList());
  }

  private static AttendanceMark mark(Mark mark, @Nullable Integer lateMinutes) {
    return new AttendanceMark(mark, lateMinutes == null ? 0 : lateMinutes);
  }
}

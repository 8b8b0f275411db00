package org.tremplin.web.api.coaching;

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
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.MeetingId;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.coaching.MeetingStatus;
import org.tremplin.api.coaching.MissedBy;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Params;
import org.tremplin.web.api.frame.Preconditions;
import org.tremplin.web.api.frame.Problem;

/**
 * {@code /api/v1/cohorts/{cohort}/learners/{learner}/meetings}: a learner's coaching meetings, past
 * and next; planning one; recording one as it happened, or the outcome of a planned one ({@code
 * If-Match} with the meeting's tag), with its note and confidential note. Core checks {@code
 * COACHING_READ} / {@code COACHING_WRITE} (a manager of the school, the learner's referent coach),
 * shows a confidential note's text only with {@code CONFIDENTIAL_NOTE_READ} (the referent coach),
 * refuses one written without it, and audits every read and write. Thread-safe.
 */
@Path("api/v1/cohorts/{cohort}/learners/{learner}/meetings")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "coaching")
@SecurityRequirement(name = "bearer")
public final class MeetingsApiResource {
  private final Tremplin tremplin;
  private final Clock clock;

  /**
   * Over this engine and clock.
   *
   * @param tremplin the engine
   * @param clock the clock read for "now" (its zone is the schools')
   */
  public MeetingsApiResource(Tremplin tremplin, Clock clock) {
    this.tremplin = tremplin;
    this.clock = clock;
  }

  /**
   * The learner's meetings.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @return the past and next meetings
   */
  @GET
  @Operation(
      operationId = "listMeetings",
      summary =
          "A learner's coaching meetings, past and next; confidential notes only for the"
              + " referent coach",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the meetings",
              content = @Content(schema = @Schema(implementation = MeetingView.MeetingList.class))))
  public Response meetings(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner) {
    LocalDateTime now = LocalDateTime.now(clock);
    List<MeetingView> past = new ArrayList<>();
    List<MeetingView> next = new ArrayList<>();
    int withheld = 0;
    for (CoachingMeeting m :
        tremplin
            .coaching()
            .meetings(Caller.of(security), Params.cohort(cohort), Params.learner(learner))) {
      MeetingView view = MeetingView.of(m);
      if (m.status() instanceof MeetingStatus.Planned && m.plannedAt().isAfter(now)) {
        next.add(view);
      } else {
        past.add(view);
      }
      if (view.confidentialNoteWithheld()) {
        withheld++;
      }
    }
    Collections.reverse(past);
    return ApiJson.ok(new MeetingView.MeetingList(past, next, withheld));
  }

  /**
   * One meeting (its tag guards recording its outcome).
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param meeting the meeting's id
   * @return the meeting
   */
  @GET
  @Path("{meeting}")
  @Operation(
      operationId = "getMeeting",
      summary = "One coaching meeting (its ETag guards recording its outcome)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the meeting",
              content = @Content(schema = @Schema(implementation = MeetingView.class))))
  public Response meeting(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @PathParam("meeting") String meeting) {
    return ApiJson.ok(
        current(
            Caller.of(security),
            Params.cohort(cohort),
            Params.learner(learner),
            new MeetingId(Params.uuid("meeting", meeting))));
  }

  private MeetingView current(Actor actor, CohortId cohort, LearnerId learner, MeetingId id) {
    return tremplin.coaching().meetings(actor, cohort, learner).stream()
        .filter(m -> m.id().equals(id))
        .map(MeetingView::of)
        .findFirst()
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.MEETING_NOT_FOUND, "no meeting " + id + " for this learner"));
  }

  /**
   * Plans a meeting, or records one as it happened.
   *
   * @param security the caller
   * @param uri the request's address
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param body the meeting
   * @return 201 with the meeting
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addMeeting",
      summary =
          "Plans a meeting ahead (no outcome), or records one as it happened (with its outcome,"
              + " note and confidential note)",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = MeetingBodies.NewMeeting.class),
                      examples = {
                        @ExampleObject(
                            name = "plan",
                            value =
                                "{\"plannedAt\":\"2026-03-09T10:00:00\",\"note\":\"Point sur la"
                                    + " recherche de stage\"}"),
                        @ExampleObject(
                            name = "held",
                            value =
                                "{\"outcome\":\"HELD\",\"note\":\"Point sur la recherche de"
                                    + " stage\",\"confidentialNote\":\"Situation familiale"
                                    + " difficile\"}")
                      })),
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "planned or recorded",
              content = @Content(schema = @Schema(implementation = MeetingView.class))))
  public Response add(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    MeetingBodies.NewMeeting m = ApiJson.read(body, MeetingBodies.NewMeeting.class);
    LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
    String note = m.note() == null ? "" : m.note();
    Actor actor = Caller.of(security);
    MeetingView stored;
    if (m.outcome() == null) {
      if (m.plannedAt() == null) {
        throw Problem.badRequest("/plannedAt", "required to plan a meeting");
      }
      if (m.confidentialNote() != null) {
        throw Problem.badRequest("/confidentialNote", "only with an outcome");
      }
      if (m.plannedAt().isBefore(now)) {
        throw new TremplinException(
            ErrorCode.INVALID_ARGUMENT,
            "a meeting is planned ahead; record a past one with its outcome");
      }
      LocalDateTime at = m.plannedAt();
      stored =
          tremplin
              .transactions()
              .inTransaction(
                  h ->
                      current(
                          actor,
                          c,
                          l,
                          tremplin.coaching().planMeeting(actor, c, l, at, note).id()));
    } else {
      LocalDateTime at = m.plannedAt() == null ? now : m.plannedAt();
      MeetingOutcome outcome = outcome(m.outcome(), note, m.confidentialNote());
      stored =
          tremplin
              .transactions()
              .inTransaction(
                  h -> {
                    MeetingId id = tremplin.coaching().planMeeting(actor, c, l, at, "").id();
                    tremplin.coaching().recordOutcome(actor, c, l, id, outcome);
                    // as stored (a read answers the same bytes, hence the same tag)
                    return current(actor, c, l, id);
                  });
    }
    return ApiJson.created(uri.getAbsolutePathBuilder().path(stored.id()).build(), stored);
  }

  /**
   * Records the outcome of a planned meeting.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param meeting the meeting's id
   * @param ifMatch the meeting's tag as last read
   * @param body the outcome
   * @return the meeting
   */
  @POST
  @Path("{meeting}/outcome")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "recordMeetingOutcome",
      summary =
          "Records what happened at a planned meeting, its note and confidential note (If-Match"
              + " required)",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = MeetingBodies.RecordOutcome.class),
                      examples =
                          @ExampleObject(
                              name = "missed",
                              value = "{\"outcome\":\"MISSED_LEARNER\",\"note\":\"Pas venu\"}"))),
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the meeting",
              content = @Content(schema = @Schema(implementation = MeetingView.class))))
  public Response recordOutcome(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @PathParam("meeting") String meeting,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(in = ParameterIn.HEADER, required = true, description = "ETag of the read")
          @Nullable String ifMatch,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    MeetingId id = new MeetingId(Params.uuid("meeting", meeting));
    MeetingBodies.RecordOutcome o = ApiJson.read(body, MeetingBodies.RecordOutcome.class);
    if (o.outcome() == null) {
      throw Problem.badRequest("/outcome", "required");
    }
    MeetingOutcome outcome =
        outcome(o.outcome(), o.note() == null ? "" : o.note(), o.confidentialNote());
    Actor actor = Caller.of(security);
    return ApiJson.ok(
        tremplin
            .transactions()
            .inTransaction(
                h -> {
                  Preconditions.check(ifMatch, current(actor, c, l, id));
                  tremplin.coaching().recordOutcome(actor, c, l, id, outcome);
                  return current(actor, c, l, id);
                }));
  }

  private static MeetingOutcome outcome(
      MeetingBodies.Outcome outcome, String note, @Nullable String confidential) {
    String secret = confidential == null ? "" : confidential;
    if (outcome != MeetingBodies.Outcome.HELD && !secret.isBlank()) {
      throw new TremplinException(
          ErrorCode.INVALID_ARGUMENT, "a confidential note is only recorded for a held meeting");
    }
    return switch (outcome) {
      case HELD -> new MeetingOutcome.Held(note, secret);
      case MISSED_LEARNER -> new MeetingOutcome.Missed(MissedBy.LEARNER, note);
      case MISSED_COACH -> new MeetingOutcome.Missed(MissedBy.COACH, note);
    };
  }
}

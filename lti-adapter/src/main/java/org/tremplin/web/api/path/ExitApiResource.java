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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.insertion.Exit;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Params;
import org.tremplin.web.api.frame.Preconditions;
import org.tremplin.web.api.frame.Problem;

/**
 * {@code /api/v1/cohorts/{cohort}/learners/{learner}/exit}: the learner's exit as recorded (or that
 * none is), and recording it with {@code PUT}: the first time without {@code If-Match} (201),
 * afterwards as a correction with {@code If-Match} and a {@code correctionReason} (200). The
 * situation codes are the CLI's ({@code tremplin exit --situation}); CDD and INTERIM need the
 * contract's {@code months}. Core checks {@code INSERTION_READ} / {@code INSERTION_WRITE} (a
 * manager of the school, the learner's referent coach), classifies the exit and audits.
 * Thread-safe.
 */
@Path("api/v1/cohorts/{cohort}/learners/{learner}/exit")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "insertion path")
@SecurityRequirement(name = "bearer")
public final class ExitApiResource {
  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public ExitApiResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * The learner's exit.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @return the exit, or {@code recorded: false}
   */
  @GET
  @Operation(
      operationId = "getExit",
      summary =
          "The learner's exit as recorded, with its classification (its ETag guards a"
              + " correction)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the exit; recorded is false when none is",
              content = @Content(schema = @Schema(implementation = PathViews.ExitView.class))))
  public Response exit(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    return ApiJson.ok(view(c, l, tremplin.insertion().exit(Caller.of(security), c, l)));
  }

  private static PathViews.ExitView view(CohortId c, LearnerId l, Optional<Exit> exit) {
    return PathViews.exit(c.value().toString(), l.value().toString(), exit);
  }

  /**
   * Records the learner's exit, or corrects it.
   *
   * @param security the caller
   * @param uri the request's address
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param ifMatch the exit's tag as last read; required to correct a recorded exit
   * @param body the exit
   * @return 201 with the recorded exit, 200 with the corrected one
   */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "recordExit",
      summary = "Records the learner's exit, or corrects it (If-Match and correctionReason)",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = PathBodies.ExitBody.class),
                      examples = {
                        @ExampleObject(
                            name = "cdi",
                            value = "{\"leftOn\":\"2026-06-30\",\"situation\":\"CDI\"}"),
                        @ExampleObject(
                            name = "cdd",
                            value =
                                "{\"leftOn\":\"2026-06-30\",\"situation\":\"CDD\",\"months\":6}")
                      })),
      responses = {
        @ApiResponse(
            responseCode = "201",
            description = "recorded",
            content = @Content(schema = @Schema(implementation = PathViews.ExitView.class))),
        @ApiResponse(
            responseCode = "200",
            description = "corrected",
            content = @Content(schema = @Schema(implementation = PathViews.ExitView.class)))
      })
  public Response record(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "ETag of the read; required to correct a recorded exit")
          @Nullable String ifMatch,
      byte[] body) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    PathBodies.ExitBody e = ApiJson.read(body, PathBodies.ExitBody.class);
    int months = e.months() == null ? 0 : e.months();
    if (months < 0) {
      throw Problem.badRequest("/months", "not negative");
    }
    NewExit exit =
        new NewExit(
            PathBodies.required(e.leftOn(), "/leftOn"),
            PathBodies.required(e.situation(), "/situation"),
            months);
    Actor actor = Caller.of(security);
    boolean[] created = {false};
    PathViews.ExitView stored =
        tremplin
            .transactions()
            .inTransaction(
                h -> {
                  Optional<Exit> current = tremplin.insertion().exit(actor, c, l);
                  if (current.isEmpty()) {
                    created[0] = true;
                    tremplin.insertion().recordExit(actor, c, l, exit);
                  } else {
                    Preconditions.check(ifMatch, view(c, l, current));
                    String reason = e.correctionReason() == null ? "" : e.correctionReason();
                    if (reason.isBlank()) {
                      throw Problem.badRequest(
                          "/correctionReason", "required to correct a recorded exit");
                    }
                    tremplin.insertion().correctExit(actor, c, l, exit, reason);
                  }
                  // as stored (a read answers the same bytes, hence the same tag)
                  return view(c, l, tremplin.insertion().exit(actor, c, l));
                });
    return created[0] ? ApiJson.created(uri.getAbsolutePath(), stored) : ApiJson.ok(stored);
  }
}

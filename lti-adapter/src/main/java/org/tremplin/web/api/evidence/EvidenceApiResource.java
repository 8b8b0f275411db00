package org.tremplin.web.api.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Params;

/**
 * {@code /api/v1/cohorts/{cohort}/learners/{learner}/evidence} and {@code .../readiness}: a
 * learner's evidence and certification readiness ({@code EVIDENCE_READ}, checked by core).
 * Thread-safe.
 */
@Path("api/v1/cohorts/{cohort}/learners/{learner}")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "evidence")
@SecurityRequirement(name = "bearer")
public final class EvidenceApiResource {
  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public EvidenceApiResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * A learner's evidence.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @return every piece of evidence
   */
  @GET
  @Path("evidence")
  @Operation(
      operationId = "listEvidence",
      summary = "A learner's evidence",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the evidence",
              content =
                  @Content(schema = @Schema(implementation = EvidenceViews.EvidenceList.class))))
  public Response evidence(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner) {
    return ApiJson.ok(
        new EvidenceViews.EvidenceList(
            tremplin
                .evidence()
                .evidence(Caller.of(security), Params.cohort(cohort), Params.learner(learner))
                .stream()
                .map(EvidenceViews.EvidenceView::of)
                .toList()));
  }

  /**
   * A learner's certification readiness.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @return the readiness, block by block
   */
  @GET
  @Path("readiness")
  @Operation(
      operationId = "getReadiness",
      summary = "A learner's certification readiness, block by block",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the readiness",
              content =
                  @Content(schema = @Schema(implementation = EvidenceViews.ReadinessView.class))))
  public Response readiness(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner) {
    return ApiJson.ok(
        EvidenceViews.ReadinessView.of(
            tremplin
                .evidence()
                .readiness(Caller.of(security), Params.cohort(cohort), Params.learner(learner))));
  }
}

package org.tremplin.web.api.path;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.insertion.RecordedDiagnosis;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Params;

/**
 * {@code /api/v1/cohorts/{cohort}/learners/{learner}/insertion}: a learner's eligibility (the
 * newest diagnosis, its criteria and their proofs' validity), insertion contract and PASS IAE with
 * their end dates and warnings, assessed on a day. Core checks {@code INSERTION_READ} (a manager of
 * the school, the learner's referent coach) and audits the read. Thread-safe.
 */
@Path("api/v1/cohorts/{cohort}/learners/{learner}/insertion")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "insertion path")
@SecurityRequirement(name = "bearer")
public final class InsertionApiResource {
  private final Tremplin tremplin;
  private final Clock clock;

  /**
   * Over this engine and clock.
   *
   * @param tremplin the engine
   * @param clock the clock read for "today"
   */
  public InsertionApiResource(Tremplin tremplin, Clock clock) {
    this.tremplin = tremplin;
    this.clock = clock;
  }

  /**
   * The learner's eligibility, contract and PASS IAE.
   *
   * @param security the caller
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param on the day to assess them on; today when absent
   * @return the insertion path
   */
  @GET
  @Operation(
      operationId = "getInsertionPath",
      summary =
          "A learner's eligibility (with proofs), contract and PASS IAE (end dates, warnings)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the insertion path",
              content = @Content(schema = @Schema(implementation = PathViews.InsertionView.class))))
  public Response insertion(
      @Context SecurityContext security,
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @QueryParam("on") @Parameter(schema = @Schema(type = "string", format = "date"))
          @Nullable String on) {
    CohortId c = Params.cohort(cohort);
    LearnerId l = Params.learner(learner);
    LocalDate day = on == null ? LocalDate.now(clock) : Params.date("on", on);
    Actor actor = Caller.of(security);
    return ApiJson.ok(
        tremplin
            .transactions()
            .inTransaction(
                h -> {
                  var insertion = tremplin.insertion();
                  List<RecordedDiagnosis> diagnoses = insertion.diagnoses(actor, c, l);
                  PathViews.EligibilityView eligibility = null;
                  if (!diagnoses.isEmpty()) {
                    RecordedDiagnosis newest = diagnoses.get(diagnoses.size() - 1);
                    boolean valid =
                        insertion
                            .currentDiagnosis(actor, c, l, day)
                            .map(d -> d.id().equals(newest.id()))
                            .orElse(false);
                    eligibility = PathViews.eligibility(newest, valid);
                  }
                  return new PathViews.InsertionView(
                      c.value().toString(),
                      l.value().toString(),
                      day,
                      eligibility,
                      insertion.contract(actor, c, l, day).map(PathViews::contract).orElse(null),
                      insertion.pass(actor, c, l, day).map(PathViews::pass).orElse(null));
                }));
  }
}

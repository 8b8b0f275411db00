package org.tremplin.web.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.TremplinException;
import org.tremplin.api.report.ReportScope;
import org.tremplin.api.school.Departement;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Problem;

/**
 * {@code /api/v1/reports}: the reports of the network, for network tokens only (core checks {@code
 * REPORT_READ} on the network): the GEN indicators of the network or of a département, and the
 * network view (every school and département side by side). Learners appear by pseudonymous
 * reference unless the reader may open their files. Thread-safe.
 */
@Path("api/v1/reports")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
@SecurityRequirement(name = "bearer")
public final class NetworkReportsResource {
  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public NetworkReportsResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * The GEN indicators of the network or of a département.
   *
   * @param security the caller
   * @param year the calendar year
   * @param departement the département's code, or none for the whole network
   * @param details whether to list the learners counted
   * @return the indicators
   */
  @GET
  @Path("gen")
  @Operation(
      operationId = "getGenIndicators",
      summary = "The GEN indicators of the network or of a département (network tokens)",
      description =
          "As a school's, over every school of the network, or of the département given."
              + " details=true lists the learners each figure counts.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the indicators",
              content = @Content(schema = @Schema(implementation = ReportViews.Gen.class))))
  public Response gen(
      @Context SecurityContext security,
      @QueryParam("year") @Parameter(schema = @Schema(type = "integer", example = "2025"))
          @Nullable String year,
      @QueryParam("departement") @Parameter(schema = @Schema(type = "string", example = "2A"))
          @Nullable String departement,
      @QueryParam("details") @Parameter(schema = @Schema(type = "boolean", example = "false"))
          @Nullable String details) {
    int y = ReportParams.year(year);
    boolean d = ReportParams.details(details);
    ReportScope scope;
    if (departement == null || departement.isEmpty()) {
      scope = new ReportScope.Network();
    } else {
      try {
        scope = new ReportScope.OfDepartement(Departement.of(departement));
      } catch (TremplinException e) {
        throw Problem.badRequest("departement", "not a département code (e.g. 93, 2A, 974)");
      }
    }
    return ApiJson.ok(
        ReportViews.Gen.of(
            tremplin.reports().genIndicators(Caller.of(security), scope, y), null, d));
  }

  /**
   * The network view of a year.
   *
   * @param security the caller
   * @param year the calendar year
   * @param details whether to list the learners counted
   * @return the view
   */
  @GET
  @Path("network")
  @Operation(
      operationId = "getNetworkView",
      summary = "Every school and département side by side, and the network (network tokens)",
      description =
          "A column per school, per département and for the network, each with the yearly"
              + " review's figures and the GEN indicators of the year.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the network view",
              content = @Content(schema = @Schema(implementation = ReportViews.Network.class))))
  public Response network(
      @Context SecurityContext security,
      @QueryParam("year") @Parameter(schema = @Schema(type = "integer", example = "2025"))
          @Nullable String year,
      @QueryParam("details") @Parameter(schema = @Schema(type = "boolean", example = "false"))
          @Nullable String details) {
    int y = ReportParams.year(year);
    boolean d = ReportParams.details(details);
    return ApiJson.ok(
        ReportViews.Network.of(tremplin.reports().networkView(Caller.of(security), y), d));
  }
}

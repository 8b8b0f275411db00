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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.project.ProjectsReport;
import org.tremplin.api.report.GenIndicators;
import org.tremplin.api.report.NetworkView;
import org.tremplin.api.report.ReportScope;
import org.tremplin.api.report.YearlyReview;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Params;

/**
 * {@code /api/v1/schools/{school}/reports}: a school's yearly review, GEN indicators and projects
 * report, as JSON. Core checks {@code REPORT_READ} on the school (its manager, a network
 * administrator) and names learners only to its manager; {@code details=true} lists the learners
 * (and projects) each figure counts. Thread-safe.
 */
@Path("api/v1/schools/{school}/reports")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
@SecurityRequirement(name = "bearer")
public final class SchoolReportsResource {
  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public SchoolReportsResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * The school's yearly review.
   *
   * @param security the caller
   * @param school the school's id
   * @param year the calendar year
   * @param details whether to list the learners counted
   * @return the review
   */
  @GET
  @Path("yearly-review")
  @Operation(
      operationId = "getYearlyReview",
      summary = "A school's yearly review of a calendar year (managers, network administrators)",
      description =
          "Entries, leavers by exit category, exit rates, path lengths and attended hours per"
              + " month. With details=true every figure lists the learners it counts: by name for"
              + " the school's manager, by pseudonymous reference for anyone else (ADR 0013).",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the review",
              content = @Content(schema = @Schema(implementation = ReportViews.Yearly.class))))
  public Response yearlyReview(
      @Context SecurityContext security,
      @PathParam("school") String school,
      @QueryParam("year") @Parameter(schema = @Schema(type = "integer", example = "2025"))
          @Nullable String year,
      @QueryParam("details") @Parameter(schema = @Schema(type = "boolean", example = "false"))
          @Nullable String details) {
    SchoolId id = Params.school(school);
    int y = ReportParams.year(year);
    boolean d = ReportParams.details(details);
    YearlyReview review = tremplin.reports().yearlyReview(Caller.of(security), id, y);
    return ApiJson.ok(
        new ReportViews.Yearly(
            ReportViews.SchoolRef.of(tremplin.schools().get(id)),
            y,
            ReportViews.Review.of(NetworkView.Review.of(review), d)));
  }

  /**
   * The school's Grande École du Numérique indicators.
   *
   * @param security the caller
   * @param school the school's id
   * @param year the calendar year
   * @param details whether to list the learners counted
   * @return the indicators
   */
  @GET
  @Path("gen")
  @Operation(
      operationId = "getSchoolGenIndicators",
      summary = "A school's GEN indicators of a calendar year (managers, network administrators)",
      description =
          "Entries, completions, titles, shares of the entries with funder facts, leavers and"
              + " their situation six months after the exit. details=true lists the learners"
              + " each figure counts (names for the school's manager only).",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the indicators",
              content = @Content(schema = @Schema(implementation = ReportViews.Gen.class))))
  public Response gen(
      @Context SecurityContext security,
      @PathParam("school") String school,
      @QueryParam("year") @Parameter(schema = @Schema(type = "integer", example = "2025"))
          @Nullable String year,
      @QueryParam("details") @Parameter(schema = @Schema(type = "boolean", example = "false"))
          @Nullable String details) {
    SchoolId id = Params.school(school);
    int y = ReportParams.year(year);
    boolean d = ReportParams.details(details);
    GenIndicators g =
        tremplin.reports().genIndicators(Caller.of(security), new ReportScope.OfSchool(id), y);
    return ApiJson.ok(ReportViews.Gen.of(g, tremplin.schools().get(id), d));
  }

  /**
   * The school's projects report over a period.
   *
   * @param security the caller
   * @param school the school's id
   * @param from the period's first day
   * @param to the period's last day
   * @param details whether to list the projects and team members counted
   * @return the report
   */
  @GET
  @Path("projects")
  @Operation(
      operationId = "getProjectsReport",
      summary = "A school's real projects over a period (managers, network administrators)",
      description =
          "Projects delivered and in progress, by client kind, for QPV-based clients, and the"
              + " competencies they evidenced. The period is at most 366 days. details=true lists"
              + " the projects and their teams (names for the school's manager only).",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the report",
              content =
                  @Content(schema = @Schema(implementation = ReportViews.ProjectsView.class))))
  public Response projects(
      @Context SecurityContext security,
      @PathParam("school") String school,
      @QueryParam("from") @Parameter(schema = @Schema(format = "date", example = "2025-09-01"))
          @Nullable String from,
      @QueryParam("to") @Parameter(schema = @Schema(format = "date", example = "2026-06-30"))
          @Nullable String to,
      @QueryParam("details") @Parameter(schema = @Schema(type = "boolean", example = "false"))
          @Nullable String details) {
    SchoolId id = Params.school(school);
    DateRange period = ReportParams.period(from, to);
    boolean d = ReportParams.details(details);
    Actor actor = Caller.of(security);
    ProjectsReport r = tremplin.projectsReport().projects(actor, id, period);
    return ApiJson.ok(ReportViews.ProjectsView.of(tremplin.schools().get(id), r, d));
  }
}

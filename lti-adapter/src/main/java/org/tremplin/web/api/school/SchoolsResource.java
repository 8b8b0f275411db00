package org.tremplin.web.api.school;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Target;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.cohort.CohortView;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Paging;
import org.tremplin.web.api.frame.Params;

/**
 * {@code /api/v1/schools}: the schools the token's scope covers (a school's token sees its own, a
 * network token every one), one school ({@code COHORT_READ} on it, checked by core's access rules),
 * a new school (core's create: network administrators), and a school's cohorts. Thread- safe.
 */
@Path("api/v1/schools")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "schools")
@SecurityRequirement(name = "bearer")
public final class SchoolsResource {
  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public SchoolsResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * The schools the caller may read, a page at a time.
   *
   * @param security the caller
   * @param uri the request's address
   * @param limit the page size
   * @param cursor the page's cursor
   * @return a page of schools
   */
  @GET
  @Operation(
      operationId = "listSchools",
      summary = "Lists the schools the token's scope covers (paged)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "a page of schools",
              content = @Content(schema = @Schema(implementation = SchoolPage.class))))
  public Response schools(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @QueryParam("limit") @Parameter(schema = @Schema(type = "integer", example = "50"))
          @Nullable String limit,
      @QueryParam("cursor") @Nullable String cursor) {
    Paging paging = Paging.of(limit, cursor);
    Actor actor = Caller.of(security);
    List<SchoolView> schools =
        tremplin.schools().list().stream()
            .filter(
                s ->
                    tremplin
                        .access()
                        .allows(
                            actor,
                            org.tremplin.api.access.Operation.COHORT_READ,
                            new Target.OfSchool(s.id())))
            .map(SchoolView::of)
            .toList();
    return paging.reply(schools, SchoolView::id, uri);
  }

  /**
   * Creates a school.
   *
   * @param security the caller
   * @param uri the request's address
   * @param body the school
   * @return 201 with the school
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createSchool",
      summary = "Creates a school (network administrators)",
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = NewSchool.class))),
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "created",
              content = @Content(schema = @Schema(implementation = SchoolView.class))))
  public Response create(@Context SecurityContext security, @Context UriInfo uri, byte[] body) {
    NewSchool school = ApiJson.read(body, NewSchool.class);
    School created =
        tremplin
            .schools()
            .create(Caller.of(security), school.name(), new Departement(school.departement()));
    return ApiJson.created(
        uri.getAbsolutePathBuilder().path(created.id().value().toString()).build(),
        SchoolView.of(created));
  }

  /**
   * Reads a school.
   *
   * @param security the caller
   * @param school the school's id
   * @return the school
   */
  @GET
  @Path("{school}")
  @Operation(
      operationId = "getSchool",
      summary = "Reads a school",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the school",
              content = @Content(schema = @Schema(implementation = SchoolView.class))))
  public Response school(@Context SecurityContext security, @PathParam("school") String school) {
    SchoolId id = Params.school(school);
    tremplin
        .access()
        .check(
            Caller.of(security),
            org.tremplin.api.access.Operation.COHORT_READ,
            new Target.OfSchool(id));
    return ApiJson.ok(SchoolView.of(tremplin.schools().get(id)));
  }

  /**
   * The school's cohorts, a page at a time.
   *
   * @param security the caller
   * @param uri the request's address
   * @param school the school's id
   * @param limit the page size
   * @param cursor the page's cursor
   * @return a page of cohorts
   */
  @GET
  @Path("{school}/cohorts")
  @Operation(
      operationId = "listCohorts",
      summary = "Lists the cohorts of a school (paged)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "a page of cohorts",
              content = @Content(schema = @Schema(implementation = CohortPage.class))))
  public Response cohorts(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("school") String school,
      @QueryParam("limit") @Parameter(schema = @Schema(type = "integer", example = "50"))
          @Nullable String limit,
      @QueryParam("cursor") @Nullable String cursor) {
    Paging paging = Paging.of(limit, cursor);
    List<CohortView> cohorts =
        tremplin.cohorts().bySchool(Caller.of(security), Params.school(school)).stream()
            .map(CohortView::of)
            .toList();
    return paging.reply(cohorts, CohortView::id, uri);
  }

  /** A page of schools (for the OpenAPI document). */
  @Schema(name = "SchoolPage")
  record SchoolPage(
      List<SchoolView> items,
      @Schema(description = "cursor of the next page; absent on the last", example = "MGI2YzNm")
          @Nullable String next) {}

  /** A page of cohorts (for the OpenAPI document). */
  @Schema(name = "CohortPage")
  record CohortPage(
      List<CohortView> items,
      @Schema(description = "cursor of the next page; absent on the last", example = "MGI2YzNm")
          @Nullable String next) {}
}

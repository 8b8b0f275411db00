package org.tremplin.web.api.coaching;

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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.core.Tremplin;
import org.tremplin.core.caseload.CaseMember;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Paging;

/**
 * {@code /api/v1/caseload}: the learners whose referent coach the caller is (a COACH token's
 * caseload, ADR 0017), each in the cohort of their latest enrolment — where their insertion path
 * and meetings are read. Empty for a caller who is nobody's referent (e.g. a manager's token).
 * Core's caseload desk, as the coach's page. Thread-safe.
 */
@Path("api/v1/caseload")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "coaching")
@SecurityRequirement(name = "bearer")
public final class CaseloadApiResource {
  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public CaseloadApiResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * One learner of a caseload.
   *
   * @param learner the learner's id
   * @param displayName their name as shown
   * @param cohort the cohort of their latest enrolment
   * @param enrolled whether they are enrolled in it now
   */
  @Schema(name = "CaseMember")
  public record CaseView(
      @Schema(example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e", format = "uuid") String learner,
      @Schema(example = "Ada Lovelace") String displayName,
      @Schema(example = "9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d", format = "uuid") String cohort,
      @Schema(example = "true") boolean enrolled) {
    static CaseView of(CaseMember m) {
      return new CaseView(
          m.learner().id().value().toString(),
          m.learner().displayName(),
          m.cohort().id().value().toString(),
          m.enrolled());
    }
  }

  /** A page of a caseload (for the OpenAPI document). */
  @Schema(name = "CaseloadPage")
  record CaseloadPage(
      List<CaseView> items,
      @Schema(description = "cursor of the next page; absent on the last", example = "MGI2YzNm")
          @Nullable String next) {}

  /**
   * The caller's caseload, a page at a time.
   *
   * @param security the caller
   * @param uri the request's address
   * @param limit the page size
   * @param cursor the page's cursor
   * @return a page of the caseload
   */
  @GET
  @Operation(
      operationId = "listCaseload",
      summary = "The learners whose referent coach the token's coach is (paged)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "a page of the caseload",
              content = @Content(schema = @Schema(implementation = CaseloadPage.class))))
  public Response caseload(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @QueryParam("limit") @Parameter(schema = @Schema(type = "integer", example = "50"))
          @Nullable String limit,
      @QueryParam("cursor") @Nullable String cursor) {
    Paging paging = Paging.of(limit, cursor);
    List<CaseView> members =
        tremplin.caseloads().caseload(Caller.of(security)).stream().map(CaseView::of).toList();
    return paging.reply(members, CaseView::learner, uri);
  }
}

package org.tremplin.web.api.learner;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.LearnerId;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Paging;
import org.tremplin.web.api.frame.Params;
import org.tremplin.web.api.frame.Problem;
import org.tremplin.web.api.learner.PersonalDataViews.AuditEntryView;
import org.tremplin.web.api.learner.PersonalDataViews.AuditTrailPage;
import org.tremplin.web.api.learner.PersonalDataViews.ErasureConfirmation;
import org.tremplin.web.api.learner.PersonalDataViews.ErasureView;
import org.tremplin.web.api.learner.PersonalDataViews.PersonalDataExport;

/**
 * {@code /api/v1/learners}: register a learner in a school ({@code ENROLMENT_WRITE} on the school),
 * read one (core's learner read), and a learner's privacy requests through core's {@code
 * PrivacyService}: the export of everything held about them, their audit trail (paged) and their
 * erasure, confirmed in the body. Those three need {@code PERSONAL_DATA_ADMIN} on the learner's
 * school (its managers, network managers), checked and audited by core. They live here rather than
 * in a resource of their own because a root resource at {@code api/v1/learners/{learner}} would
 * take {@code GET /api/v1/learners/{learner}} from this one (JAX-RS picks one root class per
 * request). Thread-safe.
 */
@Path("api/v1/learners")
@ApiAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "learners")
@SecurityRequirement(name = "bearer")
public final class LearnersResource {
  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public LearnersResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * Registers a learner.
   *
   * @param security the caller
   * @param uri the request's address
   * @param body the learner
   * @return 201 with the learner
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "registerLearner",
      summary = "Registers a learner in a school",
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = NewLearner.class))),
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "registered",
              content = @Content(schema = @Schema(implementation = LearnerView.class))))
  public Response register(@Context SecurityContext security, @Context UriInfo uri, byte[] body) {
    NewLearner learner = ApiJson.read(body, NewLearner.class);
    Learner registered =
        tremplin
            .learners()
            .register(
                Caller.of(security),
                Params.school(learner.school()),
                learner.givenName(),
                learner.familyName());
    return ApiJson.created(
        uri.getAbsolutePathBuilder().path(registered.id().value().toString()).build(),
        LearnerView.of(registered));
  }

  /**
   * Reads a learner.
   *
   * @param security the caller
   * @param learner the learner's id
   * @return the learner
   */
  @GET
  @Path("{learner}")
  @Operation(
      operationId = "getLearner",
      summary = "Reads a learner",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the learner",
              content = @Content(schema = @Schema(implementation = LearnerView.class))))
  public Response learner(@Context SecurityContext security, @PathParam("learner") String learner) {
    return ApiJson.ok(
        LearnerView.of(tremplin.learners().get(Caller.of(security), Params.learner(learner))));
  }

  /**
   * Everything held about a learner, as core's export document.
   *
   * @param security the caller
   * @param learner the learner's id
   * @return the export document
   */
  @GET
  @Path("{learner}/personal-data")
  @Tag(name = "privacy")
  @Operation(
      operationId = "exportPersonalData",
      summary =
          "Exports everything held about a learner (their right of access); needs"
              + " PERSONAL_DATA_ADMIN on their school; audited",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the export document: learner, then one list of rows per section",
              content = @Content(schema = @Schema(implementation = PersonalDataExport.class))))
  public Response personalData(
      @Context SecurityContext security, @PathParam("learner") String learner) {
    String document = tremplin.privacy().export(Caller.of(security), Params.learner(learner));
    // everything held about a person, confidential notes included: never kept by a cache
    return Response.ok(document.getBytes(StandardCharsets.UTF_8), ApiJson.JSON)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  /**
   * A learner's audit trail, oldest first, a page at a time.
   *
   * @param security the caller
   * @param uri the request's address
   * @param learner the learner's id
   * @param limit the page size
   * @param cursor the page's cursor
   * @return a page of the trail
   */
  @GET
  @Path("{learner}/audit-trail")
  @Tag(name = "privacy")
  @Operation(
      operationId = "listAuditTrail",
      summary =
          "Lists who read or changed a learner's data, oldest first (paged); needs"
              + " PERSONAL_DATA_ADMIN on their school; the read itself is audited",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "a page of the audit trail",
              content = @Content(schema = @Schema(implementation = AuditTrailPage.class))))
  public Response auditTrail(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("learner") String learner,
      @QueryParam("limit") @Parameter(schema = @Schema(type = "integer", example = "50"))
          @Nullable String limit,
      @QueryParam("cursor") @Nullable String cursor) {
    LearnerId id = Params.learner(learner);
    Paging paging = Paging.of(limit, cursor);
    return paging.reply(
        AuditEntryView.of(tremplin.privacy().auditTrail(Caller.of(security), id)),
        AuditEntryView::pagingId,
        uri);
  }

  /**
   * Erases (anonymises) a learner, irreversibly, once the body repeats their id.
   *
   * @param security the caller
   * @param learner the learner's id
   * @param body the confirmation
   * @return what was erased
   */
  @POST
  @Path("{learner}/erasure")
  @Consumes(MediaType.APPLICATION_JSON)
  @Tag(name = "privacy")
  @Operation(
      operationId = "eraseLearner",
      summary =
          "Erases (anonymises) a learner, irreversibly: names and free texts blanked, marks,"
              + " results and dates kept; the body must repeat the learner's id"
              + " (422 ERASURE_NOT_CONFIRMED otherwise, nothing erased); needs"
              + " PERSONAL_DATA_ADMIN on their school; audited",
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ErasureConfirmation.class))),
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "erased: rows changed per section",
              content = @Content(schema = @Schema(implementation = ErasureView.class))))
  public Response erase(
      @Context SecurityContext security, @PathParam("learner") String learner, byte[] body) {
    LearnerId id = Params.learner(learner);
    ErasureConfirmation confirmation = ApiJson.read(body, ErasureConfirmation.class);
    if (!confirms(confirmation.confirm(), id)) {
      throw Problem.erasureNotConfirmed(
          "/confirm", "confirm must repeat the learner id of the path; nothing was erased");
    }
    return ApiJson.ok(ErasureView.of(tremplin.privacy().erase(Caller.of(security), id)));
  }

  private static boolean confirms(@Nullable String confirm, LearnerId learner) {
    if (confirm == null || confirm.strip().length() != 36) {
      return false;
    }
    try {
      return UUID.fromString(confirm.strip()).equals(learner.value());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

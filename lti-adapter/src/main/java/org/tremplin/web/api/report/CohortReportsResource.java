package org.tremplin.web.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.report.AttendanceProof;
import org.tremplin.core.Tremplin;
import org.tremplin.core.report.document.AttendanceProofDocuments;
import org.tremplin.web.api.frame.ApiAuthenticated;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.api.frame.Caller;
import org.tremplin.web.api.frame.Params;

/**
 * {@code /api/v1/cohorts/{cohort}/reports}: the attendance proof of a cohort over a period, as
 * JSON, CSV ({@code Accept: text/csv}) or PDF ({@code Accept: application/pdf}); the CSV and the
 * PDF are the command line's ({@link AttendanceProofDocuments}), in the language of {@code
 * Accept-Language} (French unless English is preferred). The proof names learners: core requires
 * {@code REPORT_READ} and {@code ATTENDANCE_READ} on the cohort, i.e. the school's manager.
 * Thread-safe.
 */
@Path("api/v1/cohorts/{cohort}/reports")
@ApiAuthenticated
@Tag(name = "reports")
@SecurityRequirement(name = "bearer")
public final class CohortReportsResource {
  /** CSV, UTF-8. */
  static final MediaType CSV = MediaType.valueOf("text/csv;charset=UTF-8");

  /** PDF. */
  static final MediaType PDF = MediaType.valueOf("application/pdf");

  private static final String CSV_EXAMPLE =
      "type;salarié;nom;date;demi-journée;marque;retard (min);version;saisi par;saisi le;motif;"
          + "en vigueur;demi-journées de présence;absences justifiées;absences injustifiées;"
          + "non émargées;corrections;heures de présence\n"
          + "émargement;0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e;Ada Lovelace;2025-10-06;matin;présent;"
          + ";1;trainer-1;2025-10-06 10:05;;oui;;;;;;\n";

  private final Tremplin tremplin;

  /**
   * Over this engine.
   *
   * @param tremplin the engine
   */
  public CohortReportsResource(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * The representation the client prefers: the first of its acceptable types (by quality) that is
   * JSON, CSV or PDF, JSON for a wildcard or no {@code Accept}.
   */
  private static MediaType representation(HttpHeaders headers) {
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return MediaType.APPLICATION_JSON_TYPE;
      }
      if (accepted.isCompatible(CSV)) {
        return CSV;
      }
      if (accepted.isCompatible(PDF)) {
        return PDF;
      }
    }
    return MediaType.APPLICATION_JSON_TYPE;
  }

  /**
   * The attendance proof of the cohort over a period.
   *
   * @param security the caller
   * @param headers the request's headers (its {@code Accept} and {@code Accept-Language})
   * @param cohort the cohort's id
   * @param from the period's first day
   * @param to the period's last day
   * @return the proof in the representation asked for
   */
  @GET
  @Path("attendance-proof")
  @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
  @Operation(
      operationId = "getAttendanceProof",
      summary = "The attendance proof of a cohort over a period (the school's manager)",
      description =
          "Every working half-day of the period, each learner's mark with every stored version"
              + " (corrections with who, when and why) and the totals. JSON by default, CSV with"
              + " Accept: text/csv, a PDF a funder can file with Accept: application/pdf; CSV and"
              + " PDF texts follow Accept-Language (fr by default, en). The period is at most 366"
              + " days. The PDF carries its generation time, so its ETag changes at every"
              + " generation; the JSON's and the CSV's change only with the sheet.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the proof",
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportViews.Proof.class)),
                @Content(
                    mediaType = "text/csv",
                    schema = @Schema(type = "string"),
                    examples = @ExampleObject(name = "fr", value = CSV_EXAMPLE)),
                @Content(
                    mediaType = "application/pdf",
                    schema = @Schema(type = "string", format = "binary"))
              }))
  public Response attendanceProof(
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @PathParam("cohort") String cohort,
      @QueryParam("from") @Parameter(schema = @Schema(format = "date", example = "2025-10-01"))
          @Nullable String from,
      @QueryParam("to") @Parameter(schema = @Schema(format = "date", example = "2025-10-31"))
          @Nullable String to) {
    CohortId id = Params.cohort(cohort);
    DateRange period = ReportParams.period(from, to);
    MediaType type = representation(headers);
    AttendanceProof proof = tremplin.reports().attendanceProof(Caller.of(security), id, period);
    if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return Response.fromResponse(ApiJson.ok(ReportViews.Proof.of(proof)))
          .header(HttpHeaders.VARY, "Accept, Accept-Language")
          .build();
    }
    Locale language = ReportParams.language(headers);
    String file = "attendance-" + id.value() + "-" + period.first() + "-" + period.last();
    byte[] body;
    MediaType sent;
    try {
      if (type.isCompatible(PDF)) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        AttendanceProofDocuments.writePdf(proof, language, tremplin.clock().getZone(), pdf);
        body = pdf.toByteArray();
        sent = PDF;
        file += ".pdf";
      } else {
        StringBuilder csv = new StringBuilder();
        AttendanceProofDocuments.writeCsv(proof, language, tremplin.clock().getZone(), csv);
        body = csv.toString().getBytes(StandardCharsets.UTF_8);
        sent = CSV;
        file += ".csv";
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the attendance proof could not be written", e);
    }
    return Response.ok(body, sent)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
        .header(HttpHeaders.CONTENT_LANGUAGE, language.getLanguage())
        .header(HttpHeaders.VARY, "Accept, Accept-Language")
        .build();
  }
}

package org.tremplin.web.api.learner;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.api.privacy.AuditEntry;
import org.tremplin.api.privacy.ErasureReport;

/**
 * What the REST API shows of a learner's privacy requests (docs/domain-rules.md, "Privacy"): the
 * lines of their audit trail, the body that confirms an erasure and the erasure's report, and the
 * shape of the export document for the OpenAPI description. Stateless.
 */
public final class PersonalDataViews {
  private PersonalDataViews() {}

  /**
   * One line of a learner's audit trail: who did what with which kind of their data, never its
   * content. Immutable.
   *
   * @param number its place in the learner's trail, from 1, oldest first (the trail only grows)
   * @param at when
   * @param actor the actor's id (a token's {@code token:<id>}, a coach's id, {@code cli:<login>})
   * @param action read, change, export or erase
   * @param what the kind of data, e.g. {@code coaching.meeting}
   */
  @Schema(name = "AuditEntry", description = "One line of a learner's audit trail.")
  public record AuditEntryView(
      @Schema(example = "1") int number,
      @Schema(example = "2026-03-02T09:15:00Z") Instant at,
      @Schema(example = "token:4f1c2b3a5d6e4f708192a3b4c5d6e7f8") String actor,
      AuditAction action,
      @Schema(example = "coaching.meeting") String what) {

    /**
     * The views of a whole trail, numbered from 1 in its order.
     *
     * @param trail the trail, oldest first
     * @return the views
     */
    public static List<AuditEntryView> of(List<AuditEntry> trail) {
      List<AuditEntryView> views = new ArrayList<>(trail.size());
      for (AuditEntry entry : trail) {
        views.add(
            new AuditEntryView(
                views.size() + 1, entry.at(), entry.actor(), entry.action(), entry.what()));
      }
      return views;
    }

    /**
     * The id this line is paged by: its number, zero-padded so that text order is trail order.
     *
     * @return the paging id
     */
    public String pagingId() {
      return String.format(java.util.Locale.ROOT, "%010d", number);
    }
  }

  /**
   * A page of an audit trail (for the OpenAPI document).
   *
   * @param items the lines of this page, oldest first
   * @param next the cursor of the next page, absent on the last
   */
  @Schema(name = "AuditTrailPage")
  public record AuditTrailPage(
      List<AuditEntryView> items,
      @Schema(
              description = "cursor of the next page; absent on the last",
              example = "MDAwMDAwMDA1MA")
          @Nullable String next) {}

  /**
   * The body of an erasure: the learner's id again, so that a mistyped id in the path erases
   * nobody. Immutable.
   *
   * @param confirm the id of the learner to erase, as in the path
   */
  @Schema(
      name = "ErasureConfirmation",
      description = "Confirms an erasure: confirm repeats the learner's id of the path.")
  public record ErasureConfirmation(
      @JsonProperty(required = true)
          @Schema(
              example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String confirm) {}

  /**
   * Rows an erasure changed in one section of the learner's data.
   *
   * @param section the section (the export document's member)
   * @param rows rows anonymised or deleted
   */
  @Schema(name = "ErasedSection")
  public record ErasedSection(
      @Schema(example = "attendance") String section, @Schema(example = "42") int rows) {}

  /**
   * What an erasure changed. Immutable.
   *
   * @param learner the learner erased
   * @param erasedAt when
   * @param sections rows changed per section, by section name
   */
  @Schema(name = "Erasure", description = "What an erasure changed, section by section.")
  public record ErasureView(
      @Schema(example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e", format = "uuid") String learner,
      @Schema(example = "2026-03-02T09:15:00Z") Instant erasedAt,
      List<ErasedSection> sections) {

    /**
     * The view of core's report.
     *
     * @param report the report
     * @return the view
     */
    public static ErasureView of(ErasureReport report) {
      List<ErasedSection> sections = new ArrayList<>();
      for (Map.Entry<String, Integer> e : new TreeMap<>(report.changed()).entrySet()) {
        sections.add(new ErasedSection(e.getKey(), e.getValue()));
      }
      return new ErasureView(report.learner().value().toString(), report.erasedAt(), sections);
    }
  }

  /**
   * The learner's identity at the head of an export.
   *
   * @param id the learner's id
   * @param school their school's id
   * @param givenName their given name
   * @param familyName their family name
   */
  @Schema(name = "ExportedLearner")
  public record ExportedLearner(
      @Schema(example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e", format = "uuid") String id,
      @Schema(example = "5f0c9a52-2c1d-4a8f-9d3e-7b6a5c4d3e2f", format = "uuid") String school,
      @Schema(example = "Ada") String givenName,
      @Schema(example = "Lovelace") String familyName) {}

  /**
   * The shape of the export document (for the OpenAPI document only: the reply is core's document
   * as it writes it). Every section is a list of rows, one object per row with the section's
   * columns; the sections present depend on the modules installed.
   *
   * @param learner the learner's identity
   * @param enrolment enrolment events
   * @param attendance attendance marks, every version
   * @param evidence evidence of competencies
   * @param audit the audit trail
   */
  @Schema(
      name = "PersonalDataExport",
      description =
          "Everything held about a learner: learner, then one member per section (enrolment,"
              + " attendance, evidence, milestones, referents, alerts, audit, the insertion path"
              + " and coaching, funder facts, references, projects, the LMS accounts, sessions,"
              + " roster places and scores, the platform names...), each a list of rows.")
  public record PersonalDataExport(
      ExportedLearner learner,
      List<Map<String, Object>> enrolment,
      List<Map<String, Object>> attendance,
      List<Map<String, Object>> evidence,
      List<Map<String, Object>> audit) {}
}

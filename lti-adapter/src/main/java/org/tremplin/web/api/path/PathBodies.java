package org.tremplin.web.api.path;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.coaching.ActionOwner;
import org.tremplin.api.coaching.ActionStatus;
import org.tremplin.api.coaching.BarrierCategory;
import org.tremplin.api.coaching.BarrierSeverity;
import org.tremplin.api.coaching.BarrierStatus;
import org.tremplin.api.coaching.ImmersionObjective;
import org.tremplin.api.coaching.Partner;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.web.api.frame.Problem;

/** The bodies of the insertion path's writes. */
final class PathBodies {
  private PathBodies() {}

  /** A required member: 400 naming it when the body carries it as {@code null}. */
  static <T> T required(@Nullable T value, String pointer) {
    if (value == null) {
      throw Problem.badRequest(pointer, "required");
    }
    return value;
  }

  /**
   * A barrier to open.
   *
   * @param category what it is about
   * @param severity how much it weighs
   * @param description what it is
   * @param openedOn the day it is opened; today when absent
   */
  @Schema(name = "NewBarrier")
  record NewBarrier(
      @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
          BarrierCategory category,
      @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
          BarrierSeverity severity,
      @JsonProperty(required = true)
          @Schema(
              example = "Pas de moyen de transport le matin",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String description,
      @Schema(example = "2025-09-15") @Nullable LocalDate openedOn) {}

  /**
   * A barrier's new status.
   *
   * @param status the status it moves to
   * @param note the result, required to close it (RESOLVED, ABANDONED)
   * @param on the day; today when absent
   */
  @Schema(name = "BarrierStatusBody")
  record BarrierStatusBody(
      @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
          BarrierStatus status,
      @Schema(example = "Carte de bus obtenue") @Nullable String note,
      @Schema(example = "2025-10-02") @Nullable LocalDate on) {}

  /**
   * An objective to add to the plan.
   *
   * @param title its title
   * @param barrier the barrier it works on; the career project when absent
   * @param setOn the day; today when absent
   */
  @Schema(name = "NewObjective")
  record NewObjective(
      @JsonProperty(required = true)
          @Schema(example = "Trouver un stage", requiredMode = Schema.RequiredMode.REQUIRED)
          String title,
      @Schema(example = "7e6d5c4b-3a2f-4e1d-9c8b-7a6f5e4d3c2b", format = "uuid")
          @Nullable String barrier,
      @Schema(example = "2025-09-15") @Nullable LocalDate setOn) {}

  /**
   * An action to add to an objective.
   *
   * @param objective the objective's id
   * @param description what is to be done
   * @param owner who does it
   * @param dueOn when it is due
   */
  @Schema(name = "NewAction")
  record NewAction(
      @JsonProperty(required = true)
          @Schema(
              example = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
              format = "uuid",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String objective,
      @JsonProperty(required = true)
          @Schema(
              example = "Appeler la mission locale",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String description,
      @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
          ActionOwner owner,
      @JsonProperty(required = true)
          @Schema(example = "2025-10-01", requiredMode = Schema.RequiredMode.REQUIRED)
          LocalDate dueOn) {}

  /**
   * How an action closes.
   *
   * @param status DONE or CANCELLED
   */
  @Schema(name = "CloseAction")
  record CloseAction(
      @JsonProperty(required = true)
          @Schema(
              allowableValues = {"DONE", "CANCELLED"},
              example = "DONE",
              requiredMode = Schema.RequiredMode.REQUIRED)
          ActionStatus status) {}

  /**
   * A referral to record.
   *
   * @param partner to whom
   * @param purpose what for
   * @param on the day; today when absent
   */
  @Schema(name = "NewReferral")
  record NewReferral(
      @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
          Partner partner,
      @JsonProperty(required = true)
          @Schema(example = "Accompagnement logement", requiredMode = Schema.RequiredMode.REQUIRED)
          String purpose,
      @Schema(example = "2025-09-20") @Nullable LocalDate on) {}

  /**
   * A company immersion to plan.
   *
   * @param objective what it is for
   * @param hostOrganisation where
   * @param tutor who tutors the learner there
   * @param firstDay its first day
   * @param lastDay its last day (at most one month after the first)
   */
  @Schema(name = "NewImmersion")
  record NewImmersion(
      @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
          ImmersionObjective objective,
      @JsonProperty(required = true)
          @Schema(example = "Boulangerie Martin", requiredMode = Schema.RequiredMode.REQUIRED)
          String hostOrganisation,
      @JsonProperty(required = true)
          @Schema(example = "Paul Martin", requiredMode = Schema.RequiredMode.REQUIRED)
          String tutor,
      @JsonProperty(required = true)
          @Schema(example = "2026-02-02", requiredMode = Schema.RequiredMode.REQUIRED)
          LocalDate firstDay,
      @JsonProperty(required = true)
          @Schema(example = "2026-02-13", requiredMode = Schema.RequiredMode.REQUIRED)
          LocalDate lastDay) {}

  /**
   * An exit to record, or the correction of the recorded one.
   *
   * @param leftOn the day the learner left
   * @param situation their situation (the codes of {@code tremplin exit --situation})
   * @param months the contract's length in months, required for CDD and INTERIM
   * @param correctionReason why the recorded exit is corrected; required to correct one
   */
  @Schema(name = "ExitBody")
  record ExitBody(
      @JsonProperty(required = true)
          @Schema(example = "2026-06-30", requiredMode = Schema.RequiredMode.REQUIRED)
          LocalDate leftOn,
      @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
          ExitSituation situation,
      @Schema(example = "6") @Nullable Integer months,
      @Schema(example = "Le contrat signé est un CDI") @Nullable String correctionReason) {}
}

package org.tremplin.web.api.cohort;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** The bodies of enrolment changes. */
final class EnrolmentBodies {
  private EnrolmentBodies() {}

  /**
   * A learner joins the cohort.
   *
   * @param learner the learner's id
   * @param date the day they join
   */
  @Schema(name = "Join")
  record Join(
      @JsonProperty(required = true)
          @Schema(
              example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e",
              format = "uuid",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String learner,
      @JsonProperty(required = true)
          @Schema(example = "2025-09-01", requiredMode = Schema.RequiredMode.REQUIRED)
          LocalDate date) {}

  /**
   * A learner leaves the cohort.
   *
   * @param date the day they leave
   * @param reason why
   */
  @Schema(name = "Leave")
  record Leave(
      @JsonProperty(required = true)
          @Schema(example = "2026-01-15", requiredMode = Schema.RequiredMode.REQUIRED)
          LocalDate date,
      @JsonProperty(required = true)
          @Schema(example = "Found a job", requiredMode = Schema.RequiredMode.REQUIRED)
          String reason) {}

  /**
   * A learner who left comes back.
   *
   * @param date the day they re-enter
   */
  @Schema(name = "Reentry")
  record Reentry(
      @JsonProperty(required = true)
          @Schema(example = "2026-02-02", requiredMode = Schema.RequiredMode.REQUIRED)
          LocalDate date) {}
}

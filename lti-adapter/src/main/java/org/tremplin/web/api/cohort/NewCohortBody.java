package org.tremplin.web.api.cohort;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.web.api.cohort.CohortView.PeriodView;
import org.tremplin.web.api.cohort.CohortView.TemplateView;

/**
 * The body that opens a cohort. Immutable.
 *
 * @param school the school's id
 * @param name the cohort's name
 * @param start its first day
 * @param end its last day
 * @param template the programme template it follows
 * @param capacity how many learners it takes (1 to 24)
 * @param closures periods the school is closed; none when absent
 */
@Schema(name = "NewCohort", description = "A cohort to open in a school.")
public record NewCohortBody(
    @JsonProperty(required = true)
        @Schema(
            example = "5f0c9a52-2c1d-4a8f-9d3e-7b6a5c4d3e2f",
            format = "uuid",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String school,
    @JsonProperty(required = true)
        @Schema(example = "DWWM 2025-2026", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
    @JsonProperty(required = true)
        @Schema(example = "2025-09-01", requiredMode = Schema.RequiredMode.REQUIRED)
        LocalDate start,
    @JsonProperty(required = true)
        @Schema(example = "2026-06-30", requiredMode = Schema.RequiredMode.REQUIRED)
        LocalDate end,
    @JsonProperty(required = true) @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        TemplateView template,
    @JsonProperty(required = true)
        @Schema(example = "12", requiredMode = Schema.RequiredMode.REQUIRED)
        int capacity,
    @Nullable List<PeriodView> closures) {}

package org.tremplin.web.api.cohort;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.cohort.Cohort;

/**
 * A cohort as the REST API shows it. Immutable.
 *
 * @param id the cohort's id
 * @param school its school's id
 * @param name its name
 * @param start its first day
 * @param end its last day
 * @param template the programme template it follows
 * @param capacity how many learners it takes
 * @param closures periods the school is closed (besides public holidays)
 */
@Schema(name = "Cohort", description = "A cohort of a school.")
public record CohortView(
    @Schema(example = "9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d", format = "uuid") String id,
    @Schema(example = "5f0c9a52-2c1d-4a8f-9d3e-7b6a5c4d3e2f", format = "uuid") String school,
    @Schema(example = "DWWM 2025-2026") String name,
    @Schema(example = "2025-09-01") LocalDate start,
    @Schema(example = "2026-06-30") LocalDate end,
    TemplateView template,
    @Schema(example = "12") int capacity,
    List<PeriodView> closures) {

  /**
   * A programme template's reference.
   *
   * @param id the template's id
   * @param version its version
   */
  @Schema(name = "TemplateRef")
  public record TemplateView(
      @Schema(example = "ecole-du-web") String id, @Schema(example = "1") int version) {}

  /**
   * A period of days, both included.
   *
   * @param start the first day
   * @param end the last day
   */
  @Schema(name = "Period")
  public record PeriodView(
      @Schema(example = "2025-12-22") LocalDate start,
      @Schema(example = "2026-01-02") LocalDate end) {}

  /**
   * The view of a cohort.
   *
   * @param cohort the cohort
   * @return the view
   */
  public static CohortView of(Cohort cohort) {
    return new CohortView(
        cohort.id().value().toString(),
        cohort.school().value().toString(),
        cohort.name(),
        cohort.range().first(),
        cohort.range().last(),
        new TemplateView(cohort.template().id(), cohort.template().version()),
        cohort.capacity(),
        cohort.closures().stream().map(r -> new PeriodView(r.first(), r.last())).toList());
  }
}

package org.tremplin.api.cohort;

import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.programme.TemplateRef;

/**
 * A cohort (promotion): a school's session of one version of a programme template.
 *
 * @param id its id
 * @param school the school that runs it
 * @param name its name, e.g. "Promo 2025-2026"
 * @param range first and last day
 * @param template the template version it started with (kept for life)
 * @param capacity how many learners may be enrolled at once (1–24)
 * @param closures the school's closures during the cohort (not working days)
 */
public record Cohort(
    CohortId id,
    SchoolId school,
    String name,
    DateRange range,
    TemplateRef template,
    int capacity,
    List<DateRange> closures) {

  /** Largest cohort the programme allows (DOMAIN.md: up to 24). */
  public static final int MAX_CAPACITY = 24;

  /**
   * All fields required; capacity 1–{@value #MAX_CAPACITY}.
   *
   * @param id the identifier
   * @param school the school
   * @param name the name
   * @param range the first and last day
   * @param template the template
   * @param capacity the capacity
   * @param closures the closures
   */
  public Cohort {
    TremplinException.required(id, "cohort id");
    TremplinException.required(school, "school");
    TremplinException.requiredText(name, "cohort name");
    TremplinException.check(name.length() <= 200, "cohort name is longer than 200 characters");
    TremplinException.required(range, "cohort dates");
    TremplinException.required(template, "template");
    TremplinException.check(
        capacity >= 1 && capacity <= MAX_CAPACITY,
        "capacity must be between 1 and " + MAX_CAPACITY + ", got " + capacity);
    closures = List.copyOf(TremplinException.required(closures, "closures"));
  }
}

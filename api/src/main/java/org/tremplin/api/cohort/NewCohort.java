package org.tremplin.api.cohort;

import java.util.List;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.programme.TemplateRef;

/**
 * What it takes to open a cohort.
 *
 * @param school the school
 * @param name the cohort's name
 * @param range first and last day; the template's phases must fit inside
 * @param template the template version to follow
 * @param capacity places (1–24)
 * @param closures school closures (inclusive ranges), possibly empty
 */
public record NewCohort(
    SchoolId school,
    String name,
    DateRange range,
    TemplateRef template,
    int capacity,
    List<DateRange> closures) {
  /**
   * All fields required.
   *
   * @param school the school
   * @param name the name
   * @param range the first and last day
   * @param template the template
   * @param capacity the capacity
   * @param closures the closures
   */
  public NewCohort {
    TremplinException.required(school, "school");
    TremplinException.requiredText(name, "cohort name");
    TremplinException.required(range, "cohort dates");
    TremplinException.required(template, "template");
    closures = List.copyOf(TremplinException.required(closures, "closures"));
  }
}

package org.tremplin.api.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.exit.ExitCategory;

/**
 * A school's yearly review for one calendar year (DOMAIN.md, Reports; Exits). Test accounts are
 * never counted; erased learners are (anonymised).
 *
 * @param school the school
 * @param year the calendar year (1 January to 31 December)
 * @param entries learners who first joined a cohort of the school during the year
 * @param leavers learners whose exit (its newest version) is dated in the year
 * @param exitsByCategory the leavers by exit category, every category present
 * @param dynamicExits durable + transition + positive exits out of the leavers minus neutralised
 *     exits
 * @param durableExits durable exits out of the leavers minus neutralised exits
 * @param paths each leaver's path length
 * @param monthlyHours the twelve months of the year, in order
 */
public record YearlyReview(
    SchoolId school,
    int year,
    Figure entries,
    Figure leavers,
    Map<ExitCategory, Figure> exitsByCategory,
    Rate dynamicExits,
    Rate durableExits,
    List<PathLength> paths,
    List<MonthlyHours> monthlyHours) {
  /**
   * Copies the collections; every exit category present.
   *
   * @param school the school
   * @param year the calendar year
   * @param entries the entries
   * @param leavers the leavers
   * @param exitsByCategory the leavers by exit category
   * @param dynamicExits the dynamic exit rate
   * @param durableExits the durable exit rate
   * @param paths the leavers' path lengths
   * @param monthlyHours the twelve months
   */
  public YearlyReview {
    TremplinException.required(school, "school");
    TremplinException.required(entries, "entries");
    TremplinException.required(leavers, "leavers");
    TremplinException.required(dynamicExits, "dynamic exits");
    TremplinException.required(durableExits, "durable exits");
    EnumMap<ExitCategory, Figure> copy = new EnumMap<>(ExitCategory.class);
    copy.putAll(TremplinException.required(exitsByCategory, "exits by category"));
    TremplinException.check(
        copy.size() == ExitCategory.values().length, "every exit category needs a figure");
    exitsByCategory = java.util.Collections.unmodifiableMap(copy);
    paths = List.copyOf(TremplinException.required(paths, "paths"));
    monthlyHours = List.copyOf(TremplinException.required(monthlyHours, "monthly hours"));
  }

  /**
   * Average path length in days, one decimal, half up.
   *
   * @return the average; empty without leavers
   */
  public Optional<BigDecimal> averagePathDays() {
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    long total = paths.stream().mapToLong(PathLength::days).sum();
    return Optional.of(
        BigDecimal.valueOf(total)
            .divide(BigDecimal.valueOf(paths.size()), 1, RoundingMode.HALF_UP));
  }
}

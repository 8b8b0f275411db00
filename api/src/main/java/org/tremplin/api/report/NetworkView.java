package org.tremplin.api.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tremplin.api.TremplinException;
import org.tremplin.api.exit.ExitCategory;

/**
 * The network view of a calendar year (DOMAIN.md, Reports): the yearly review's figures and the
 * Grande École du Numérique indicators per school and per département, side by side, and for the
 * whole network. For network roles; learners are counted by pseudonymous reference only.
 *
 * @param year the calendar year
 * @param schools one column per school, by département then name
 * @param departements one column per département with a school, by code
 * @param network the whole network
 */
public record NetworkView(
    int year, List<Column> schools, List<Column> departements, Column network) {
  /**
   * Copies the lists.
   *
   * @param year the year
   * @param schools the school columns
   * @param departements the département columns
   * @param network the network column
   */
  public NetworkView {
    schools = List.copyOf(TremplinException.required(schools, "schools"));
    departements = List.copyOf(TremplinException.required(departements, "departements"));
    TremplinException.required(network, "network");
  }

  /**
   * One column: a school, a département or the network.
   *
   * @param scope what it covers
   * @param label the school's name, the département's code, or empty for the network
   * @param review the yearly review's figures
   * @param gen the Grande École du Numérique indicators
   */
  public record Column(ReportScope scope, String label, Review review, GenIndicators gen) {
    /**
     * All required.
     *
     * @param scope the scope
     * @param label the label
     * @param review the yearly figures
     * @param gen the indicators
     */
    public Column {
      TremplinException.required(scope, "scope");
      TremplinException.required(label, "label");
      TremplinException.required(review, "review");
      TremplinException.required(gen, "gen");
    }
  }

  /**
   * The yearly review's figures of a column (as {@link YearlyReview}, for any scope).
   *
   * @param entries the entries
   * @param leavers the leavers
   * @param exitsByCategory the leavers by category, every category present
   * @param dynamicExits the dynamic exit rate
   * @param durableExits the durable exit rate
   * @param paths the leavers' path lengths
   * @param monthlyHours the twelve months
   */
  public record Review(
      Figure entries,
      Figure leavers,
      Map<ExitCategory, Figure> exitsByCategory,
      Rate dynamicExits,
      Rate durableExits,
      List<PathLength> paths,
      List<MonthlyHours> monthlyHours) {
    /**
     * Copies the collections.
     *
     * @param entries the entries
     * @param leavers the leavers
     * @param exitsByCategory the leavers by category
     * @param dynamicExits the dynamic rate
     * @param durableExits the durable rate
     * @param paths the paths
     * @param monthlyHours the months
     */
    public Review {
      TremplinException.required(entries, "entries");
      TremplinException.required(leavers, "leavers");
      TremplinException.required(dynamicExits, "dynamic exits");
      TremplinException.required(durableExits, "durable exits");
      EnumMap<ExitCategory, Figure> copy = new EnumMap<>(ExitCategory.class);
      copy.putAll(TremplinException.required(exitsByCategory, "exits by category"));
      TremplinException.check(
          copy.size() == ExitCategory.values().length, "every exit category needs a figure");
      exitsByCategory = Collections.unmodifiableMap(copy);
      paths = List.copyOf(TremplinException.required(paths, "paths"));
      monthlyHours = List.copyOf(TremplinException.required(monthlyHours, "monthly hours"));
    }

    /**
     * The figures of a school's review.
     *
     * @param r the review
     * @return its figures
     */
    public static Review of(YearlyReview r) {
      return new Review(
          r.entries(),
          r.leavers(),
          r.exitsByCategory(),
          r.dynamicExits(),
          r.durableExits(),
          r.paths(),
          r.monthlyHours());
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

    /**
     * Attended hours per learner per month over the year: every month's hours together, divided by
     * the learner-months on an attendance sheet; two decimals, half up.
     *
     * @return the average; empty when nobody was on a sheet
     */
    public Optional<BigDecimal> hoursPerLearnerMonth() {
      int learnerMonths = monthlyHours.stream().mapToInt(m -> m.learners().size()).sum();
      if (learnerMonths == 0) {
        return Optional.empty();
      }
      BigDecimal total =
          monthlyHours.stream()
              .map(MonthlyHours::totalHours)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      return Optional.of(total.divide(BigDecimal.valueOf(learnerMonths), 2, RoundingMode.HALF_UP));
    }
  }
}

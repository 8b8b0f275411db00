package org.tremplin.core.dataset;

import java.util.ArrayList;
import java.util.List;
import org.tremplin.api.TremplinException;
import org.tremplin.api.cohort.Cohort;

/**
 * How much a generation writes: one school per département code listed, {@code cohortsPerSchool}
 * cohorts in each, {@code learnersPerCohort} learners per cohort over its year. Up to {@value
 * Cohort#MAX_CAPACITY} learners start on the first day; the others replace early leavers (a cohort
 * never has more than its capacity at once).
 *
 * @param departements the département code of each school, in order (at least one)
 * @param cohortsPerSchool cohorts per school, 1 to 50
 * @param learnersPerCohort learners per cohort over the year, 1 to {@value #MAX_LEARNERS}
 */
public record DatasetShape(List<String> departements, int cohortsPerSchool, int learnersPerCohort) {
  /** Most learners a cohort takes over its year (its capacity, plus replacements). */
  public static final int MAX_LEARNERS = 36;

  /** The Île-de-France départements, one school each in {@link DatasetSize#NETWORK}. */
  public static final List<String> ILE_DE_FRANCE =
      List.of("75", "77", "78", "91", "92", "93", "94", "95");

  /**
   * Validates the counts.
   *
   * @param departements the département code of each school
   * @param cohortsPerSchool cohorts per school
   * @param learnersPerCohort learners per cohort over the year
   */
  public DatasetShape {
    departements = List.copyOf(TremplinException.required(departements, "departements"));
    TremplinException.check(!departements.isEmpty(), "a data set needs at least one school");
    TremplinException.check(
        cohortsPerSchool >= 1 && cohortsPerSchool <= 50,
        "cohorts per school must be between 1 and 50, got " + cohortsPerSchool);
    TremplinException.check(
        learnersPerCohort >= 1 && learnersPerCohort <= MAX_LEARNERS,
        "learners per cohort must be between 1 and " + MAX_LEARNERS + ", got " + learnersPerCohort);
  }

  /**
   * The shape of a named size.
   *
   * @param size the size
   * @return its shape
   */
  public static DatasetShape of(DatasetSize size) {
    return switch (size) {
      case DEMO -> new DatasetShape(List.of("93"), 2, 12);
      case NETWORK -> new DatasetShape(ILE_DE_FRANCE, 3, 15);
      case NATIONAL -> new DatasetShape(national(), 10, 30);
    };
  }

  /**
   * Cohorts in all.
   *
   * @return schools × cohorts per school
   */
  public int cohorts() {
    return departements.size() * cohortsPerSchool;
  }

  /** 01–95 (2A and 2B for Corsica), then 971–974: 100 départements. */
  private static List<String> national() {
    List<String> codes = new ArrayList<>();
    for (int i = 1; i <= 95; i++) {
      if (i == 20) {
        codes.add("2A");
        codes.add("2B");
      } else {
        codes.add(String.format("%02d", i));
      }
    }
    codes.addAll(List.of("971", "972", "973", "974"));
    return List.copyOf(codes.subList(0, 100));
  }
}

package org.tremplin.core.cohort;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.cohort.Cohort;

/** Stored cohorts with their closures. Thread-safe; calls inside a transaction join it. */
public interface Cohorts {
  /**
   * Stores a cohort and its closures.
   *
   * @param cohort the cohort
   * @param createdAt the created at
   */
  void insert(Cohort cohort, Instant createdAt);

  /**
   * The cohort, or empty when there is none with this id.
   *
   * @param id the identifier
   * @return the cohort, or empty when there is none with this id
   */
  Optional<Cohort> find(CohortId id);

  /**
   * The cohorts of a school, by first day.
   *
   * @param school the school
   * @return the cohorts of a school, by first day
   */
  List<Cohort> bySchool(SchoolId school);
}

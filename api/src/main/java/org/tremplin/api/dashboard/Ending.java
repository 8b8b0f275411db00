package org.tremplin.api.dashboard;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;
import org.tremplin.api.report.CountedLearner;

/**
 * A contract or a PASS IAE that ends soon.
 *
 * @param learner the learner, in the cohort
 * @param kind contract or PASS IAE
 * @param end its last day
 */
public record Ending(CountedLearner learner, EndingKind kind, LocalDate end) {
  /**
   * All required.
   *
   * @param learner the learner
   * @param kind the kind
   * @param end the last day
   */
  public Ending {
    TremplinException.required(learner, "learner");
    TremplinException.required(kind, "kind");
    TremplinException.required(end, "end");
  }
}

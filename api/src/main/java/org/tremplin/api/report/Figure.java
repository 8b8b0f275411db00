package org.tremplin.api.report;

import java.util.List;
import org.tremplin.api.TremplinException;

/**
 * A count and the learners it counts.
 *
 * @param learners the learners counted, one per path (a learner in two cohorts counts twice)
 */
public record Figure(List<CountedLearner> learners) {
  /**
   * Copies the list.
   *
   * @param learners the learners counted
   */
  public Figure {
    learners = List.copyOf(TremplinException.required(learners, "learners"));
  }

  /**
   * How many.
   *
   * @return the number of learners counted
   */
  public int count() {
    return learners.size();
  }
}

package org.tremplin.core.report;

import java.util.Set;
import org.tremplin.api.SchoolId;
import org.tremplin.api.report.CountedLearner;

/**
 * Whose names a report may show: the learners of the schools whose files the reader may open;
 * everyone else in pseudonymous form. Immutable.
 *
 * @param named the schools whose learners are named
 */
record Disclosure(Set<SchoolId> named) {
  Disclosure {
    named = Set.copyOf(named);
  }

  CountedLearner of(SchoolId school, CountedLearner learner) {
    return named.contains(school) ? learner : learner.pseudonymous();
  }
}

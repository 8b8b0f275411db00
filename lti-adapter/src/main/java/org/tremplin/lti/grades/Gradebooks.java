package org.tremplin.lti.grades;

import java.util.Optional;
import org.tremplin.api.CohortId;

/**
 * Finds the gradebook of the course a cohort is linked to (the AGS endpoint its launches showed).
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface Gradebooks {
  /**
   * The gradebook of the course linked to this cohort; empty when the cohort has no linked course
   * or the platform never offered AGS there.
   */
  Optional<CourseGradebook> of(CohortId cohort);
}

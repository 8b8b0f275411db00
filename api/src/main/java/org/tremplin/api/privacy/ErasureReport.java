package org.tremplin.api.privacy;

import java.time.Instant;
import java.util.Map;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * What an erasure changed: rows blanked per section. Rows are kept (anonymised) so that aggregate
 * reports stay correct.
 *
 * @param learner the learner erased
 * @param changed rows changed, per section name
 * @param erasedAt when
 */
public record ErasureReport(LearnerId learner, Map<String, Integer> changed, Instant erasedAt) {
  /**
   * All fields required.
   *
   * @param learner the learner
   * @param changed the changed
   * @param erasedAt the erased at
   */
  public ErasureReport {
    TremplinException.required(learner, "learner");
    changed = Map.copyOf(TremplinException.required(changed, "changed"));
    TremplinException.required(erasedAt, "erasedAt");
  }
}

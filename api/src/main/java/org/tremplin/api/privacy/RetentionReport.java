package org.tremplin.api.privacy;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * What a retention run purged.
 *
 * @param on the day the rule was applied for
 * @param purged learners whose coaching notes were purged in this run
 * @param rowsChanged rows blanked in all
 */
public record RetentionReport(LocalDate on, List<LearnerId> purged, int rowsChanged) {
  /**
   * All fields required.
   *
   * @param on the day it is evaluated on
   * @param purged the purged
   * @param rowsChanged the rows changed
   */
  public RetentionReport {
    TremplinException.required(on, "on");
    purged = List.copyOf(TremplinException.required(purged, "purged"));
    TremplinException.check(rowsChanged >= 0, "rows changed must not be negative");
  }
}

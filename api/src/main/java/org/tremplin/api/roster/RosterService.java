package org.tremplin.api.roster;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.access.Actor;

/**
 * The roster of a cohort. Reading needs {@code ATTENDANCE_READ} on the cohort (its trainers, its
 * school's coaches and managers; {@code ACCESS_DENIED} otherwise, {@code COHORT_NOT_FOUND} for an
 * unknown cohort): a trainer, who may not read insertion data, sees the contract's end date and the
 * number of open alerts, nothing more of them.
 *
 * <p>Implementations are thread-safe.
 */
public interface RosterService {
  /** The weeks of attendance a roster line measures, ending the day before the roster's day. */
  int RECENT_WEEKS = 4;

  /**
   * Every learner who ever joined the cohort, by family then given name, as on a day.
   *
   * @param on the roster's day: recent attendance covers the {@link #RECENT_WEEKS} weeks before it
   */
  List<RosterLine> roster(Actor actor, CohortId cohort, LocalDate on);
}

package org.tremplin.api.imports;

import java.util.List;
import org.tremplin.api.TremplinException;

/**
 * What an import did, or would do for a dry run. Rows are counted once each: created (a new
 * learner, half-day or exit), updated (a correction or new version of what was stored) or unchanged
 * (stored as the file says already). With any problem, nothing was written and the counts are those
 * of the clean rows. Immutable.
 *
 * @param kind what the file held
 * @param dryRun whether this was a dry run (nothing written whatever the file)
 * @param rows the data rows read (the header and blank lines not counted)
 * @param created rows that add something new
 * @param updated rows that change what was stored
 * @param unchanged rows already stored as they are
 * @param problems every bad row, by line; empty when the file is clean
 */
public record ImportReport(
    Kind kind,
    boolean dryRun,
    int rows,
    int created,
    int updated,
    int unchanged,
    List<ImportProblem> problems) {
  /**
   * Counts not negative; problems copied.
   *
   * @param kind the kind
   * @param dryRun whether a dry run
   * @param rows the rows
   * @param created the created
   * @param updated the updated
   * @param unchanged the unchanged
   * @param problems the problems
   */
  public ImportReport {
    TremplinException.required(kind, "kind");
    TremplinException.check(
        rows >= 0 && created >= 0 && updated >= 0 && unchanged >= 0, "counts must not be negative");
    problems = List.copyOf(TremplinException.required(problems, "problems"));
  }

  /**
   * Whether the file was written: not a dry run and no problem.
   *
   * @return true when the file's changes are stored
   */
  public boolean applied() {
    return !dryRun && problems.isEmpty();
  }

  /** What an imported file holds. */
  public enum Kind {
    /** One row per learner. */
    LEARNERS,
    /** One row per learner and half-day (long shape). */
    ATTENDANCE,
    /** One row per learner, one column per half-day (the weekly grid). */
    ATTENDANCE_GRID,
    /** One row per exit. */
    EXITS
  }
}

package org.tremplin.core.dataset;

/** Told after each committed chunk of a generation; called on the generating thread. */
@FunctionalInterface
public interface DatasetProgress {
  /** Ignores progress. */
  DatasetProgress NONE = (done, total, rows) -> {};

  /**
   * A chunk was committed.
   *
   * @param cohortsDone cohorts written so far
   * @param cohortsTotal cohorts the generation writes
   * @param rowsWritten rows written so far, all tables together
   */
  void committed(int cohortsDone, int cohortsTotal, long rowsWritten);
}

package org.tremplin.core.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.imports.ImportProblem;
import org.tremplin.api.imports.ImportProblem.Reason;
import org.tremplin.api.imports.ImportReport;

/**
 * What the row-by-row imports (learners, exits) share: the tally of a file and the rollback that
 * undoes a dry run or a file with a bad row. Not thread-safe (one per import).
 */
final class Rows {
  /** What a clean row did. */
  enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  private final ImportReport.Kind kind;
  private final boolean dryRun;
  private final int rows;
  private final List<ImportProblem> problems;
  private int created;
  private int updated;
  private int unchanged;

  Rows(ImportReport.Kind kind, boolean dryRun, CsvFile file) {
    this.kind = kind;
    this.dryRun = dryRun;
    this.rows = file.rows().size();
    this.problems = new ArrayList<>(file.problems());
  }

  List<ImportProblem> problems() {
    return problems;
  }

  void problem(int line, String column, Reason reason, String value) {
    problems.add(new ImportProblem(line, column, reason, value));
  }

  void count(Outcome outcome) {
    switch (outcome) {
      case CREATED -> created++;
      case UPDATED -> updated++;
      case UNCHANGED -> unchanged++;
    }
  }

  /** Whether the writes of this file must be undone: a dry run, or any bad row. */
  boolean undo() {
    return dryRun || !problems.isEmpty();
  }

  ImportReport report() {
    List<ImportProblem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(ImportProblem::line));
    return new ImportReport(kind, dryRun, rows, created, updated, unchanged, sorted);
  }

  /**
   * A service's refusal of a row as a problem of that row; an access denial or a database failure
   * concerns the whole file and is thrown again.
   */
  void refused(int line, String column, TremplinException e) {
    ErrorCode code = e.code();
    if (code == ErrorCode.ACCESS_DENIED || code.kind() == ErrorCode.Kind.INTERNAL) {
      throw e;
    }
    Reason reason =
        switch (code) {
          case COHORT_FULL -> Reason.COHORT_FULL;
          case ENROLMENT_DATE_OUTSIDE_COHORT -> Reason.DATE_OUTSIDE_COHORT;
          case INSERTION_DATE_IN_FUTURE -> Reason.IN_FUTURE;
          case EXIT_CONTRACT_LENGTH_REQUIRED -> Reason.MONTHS_REQUIRED;
          default -> Reason.REFUSED;
        };
    problem(line, column, reason, reason == Reason.REFUSED ? code.name() : "");
  }

  /** Thrown inside the transaction to roll back a dry run or a file with a bad row. */
  static final class Undo extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Undo() {
      super("import undone", null, false, false);
    }
  }
}

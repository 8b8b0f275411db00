package org.tremplin.core.imports;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tremplin.api.CohortId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.imports.ImportProblem.Reason;
import org.tremplin.api.imports.ImportReport;
import org.tremplin.api.insertion.Exit;
import org.tremplin.api.insertion.InsertionPathService;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.core.exit.ReferenceExitRules;
import org.tremplin.core.insertion.Exits;
import org.tremplin.core.internal.Database;

/**
 * An exits file: each row records the learner's exit from the cohort they joined last, or corrects
 * the exit recorded if it differs, through the insertion path service, in one transaction.
 * Thread-safe.
 */
final class ExitImport {
  /** The reason stored on a correction an import appends. */
  static final String CORRECTION_REASON = "import";

  private final Database database;
  private final LearnerReferences references;
  private final InsertionPathService insertion;
  private final Exits exits;

  ExitImport(
      Database database,
      LearnerReferences references,
      InsertionPathService insertion,
      Exits exits) {
    this.database = database;
    this.references = references;
    this.insertion = insertion;
    this.exits = exits;
  }

  private record Parsed(int line, String reference, NewExit exit) {}

  ImportReport run(Actor actor, SchoolId school, CsvFile file, boolean dryRun) {
    Rows rows = new Rows(ImportReport.Kind.EXITS, dryRun, file);
    if (file.unreadable()) {
      return rows.report();
    }
    Optional<Integer> ref = file.column("reference", "ref", "matricule", "reference_apprenant");
    Optional<Integer> leftOn = file.column("left_on", "date_sortie", "sortie", "exit_date");
    Optional<Integer> situation = file.column("situation", "code_situation", "situation_sortie");
    Optional<Integer> months = file.column("months", "mois", "duree_mois", "contract_months");
    boolean incomplete = AttendanceImport.missing(file, rows.problems(), ref, "reference");
    incomplete |= AttendanceImport.missing(file, rows.problems(), leftOn, "left_on");
    incomplete |= AttendanceImport.missing(file, rows.problems(), situation, "situation");
    if (incomplete) {
      return rows.report();
    }
    Set<String> seen = new HashSet<>();
    List<Parsed> parsed =
        file.rows().stream()
            .map(
                row -> {
                  int line = row.line();
                  int before = rows.problems().size();
                  String reference = row.get(ref.get());
                  if (reference.isEmpty()) {
                    rows.problem(line, file.name(ref.get()), Reason.MISSING_VALUE, "");
                  } else if (!seen.add(reference)) {
                    rows.problem(line, file.name(ref.get()), Reason.DUPLICATE_ROW, reference);
                  }
                  String dateText = row.get(leftOn.get());
                  Optional<LocalDate> day = Values.date(dateText);
                  if (day.isEmpty()) {
                    rows.problem(
                        line,
                        file.name(leftOn.get()),
                        dateText.isEmpty() ? Reason.MISSING_VALUE : Reason.BAD_DATE,
                        dateText);
                  }
                  String code = row.get(situation.get());
                  Optional<ExitSituation> s = Values.situation(code);
                  if (s.isEmpty()) {
                    rows.problem(
                        line,
                        file.name(situation.get()),
                        code.isEmpty() ? Reason.MISSING_VALUE : Reason.BAD_SITUATION,
                        code);
                  }
                  String monthsText = months.map(row::get).orElse("");
                  int n = 0;
                  String monthsColumn = months.map(file::name).orElse("months");
                  boolean byLength =
                      s.isPresent()
                          && (s.get() == ExitSituation.CDD || s.get() == ExitSituation.INTERIM);
                  if (!monthsText.isEmpty()) {
                    Optional<Integer> m = Values.number(monthsText);
                    if (m.isEmpty()
                        || m.get() < 1
                        || m.get() > ReferenceExitRules.MAX_MONTHS
                        || (s.isPresent() && !byLength)) {
                      rows.problem(line, monthsColumn, Reason.BAD_MONTHS, monthsText);
                    } else {
                      n = m.get();
                    }
                  } else if (byLength) {
                    rows.problem(line, monthsColumn, Reason.MONTHS_REQUIRED, s.get().name());
                  }
                  if (rows.problems().size() > before) {
                    return Optional.<Parsed>empty();
                  }
                  return Optional.of(
                      new Parsed(line, reference, new NewExit(day.get(), s.get(), n)));
                })
            .flatMap(Optional::stream)
            .toList();
    String refColumn = file.name(ref.get());
    try {
      database.inTransaction(
          h -> {
            Map<String, LearnerReferences.Known> known = references.ofSchool(school);
            for (Parsed p : parsed) {
              LearnerReferences.Known k = known.get(p.reference());
              if (k == null) {
                rows.problem(p.line(), refColumn, Reason.UNKNOWN_LEARNER, p.reference());
                continue;
              }
              Optional<CohortId> cohort = references.lastJoined(school, k.learner());
              if (cohort.isEmpty()) {
                rows.problem(p.line(), refColumn, Reason.NEVER_ENROLLED, p.reference());
                continue;
              }
              try {
                List<Exit> history = exits.history(cohort.get(), k.learner());
                if (history.isEmpty()) {
                  insertion.recordExit(actor, cohort.get(), k.learner(), p.exit());
                  rows.count(Rows.Outcome.CREATED);
                } else if (same(history.get(history.size() - 1), p.exit())) {
                  rows.count(Rows.Outcome.UNCHANGED);
                } else {
                  insertion.correctExit(
                      actor, cohort.get(), k.learner(), p.exit(), CORRECTION_REASON);
                  rows.count(Rows.Outcome.UPDATED);
                }
              } catch (TremplinException e) {
                rows.refused(p.line(), "", e);
              }
            }
            if (rows.undo()) {
              throw new Rows.Undo();
            }
            return null;
          });
    } catch (Rows.Undo undone) {
      // a dry run or a bad row: nothing stays written
    }
    return rows.report();
  }

  private static boolean same(Exit stored, NewExit wanted) {
    return stored.leftOn().equals(wanted.leftOn())
        && stored.classification().situation() == wanted.situation()
        && stored.contractMonths() == wanted.contractMonths();
  }
}

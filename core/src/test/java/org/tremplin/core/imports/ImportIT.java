package org.tremplin.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.funder.DeclaredSex;
import org.tremplin.api.funder.DiplomaLevel;
import org.tremplin.api.funder.FunderFacts;
import org.tremplin.api.imports.ImportProblem;
import org.tremplin.api.imports.ImportProblem.Reason;
import org.tremplin.api.imports.ImportReport;
import org.tremplin.api.imports.ImportService;
import org.tremplin.api.insertion.Exit;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * Imports of a school's CSV files on both databases: what a clean file writes, that a file with a
 * bad row writes nothing and names every bad line, that a dry run writes nothing, and that
 * importing the same file again writes nothing (no row, no audit line, no event).
 */
class ImportIT {
  private static final String BOM = "\uFEFF";

  /** Two learners, French headers, ";" and French dates, with a byte-order mark. */
  static final String LEARNERS =
      BOM
          + "référence;prénom;nom;e-mail;promotion;date d'entrée;sexe;date de naissance;"
          + "niveau diplôme;QPV;NEET;demandeur emploi\n"
          + "A-001;Awa;Diallo;awa.diallo@example.org;Promo 2025-2026;01/09/2025;F;14/03/2001;3;"
          + "oui;oui;non\n"
          + "A-002;Yanis;Benali;;promo 2025-2026;;M;02/11/1999;4;non;non;oui\n";

  /** Long shape, "," and ISO dates. */
  static final String ATTENDANCE =
      "reference,date,part,mark,late_minutes\n"
          + "A-001,2026-01-05,AM,P,\n"
          + "A-001,2026-01-05,PM,R,15\n"
          + "A-002,05/01/2026,matin,AI,\n"
          + "A-002,05/01/2026,après-midi,M,\n";

  static final String EXITS = "reference;left_on;situation;months\n" + "A-002;08/01/2026;CDD;8\n";

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ImportService imports(CohortFixture f) {
    return f.tremplin.imports();
  }

  private static LearnerId learner(CohortFixture f, String reference) {
    return imports(f).learnerByReference(f.manager, f.school.id(), reference).orElseThrow();
  }

  private static Map<String, Integer> counts(CohortFixture f) {
    return Map.of(
        "learners", f.rows("tremplin_learner"),
        "references", f.rows("tremplin_learner_reference"),
        "enrolments", f.rows("tremplin_enrolment_event"),
        "facts", f.rows("tremplin_funder_facts"),
        "attendance", f.rows("tremplin_attendance"),
        "exits", f.rows("tremplin_exit"),
        "audit", f.rows("tremplin_audit"),
        "events", f.rows("tremplin_event"));
  }

  @AllDatabases
  void aLearnersFileRegistersEnrolsAndDeclaresFunderFacts(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    ImportReport report =
        imports(f).importLearners(f.manager, f.school.id(), utf8(LEARNERS), false);

    assertThat(report.problems()).isEmpty();
    assertThat(report.applied()).isTrue();
    assertThat(report.created()).isEqualTo(2);
    LearnerId awa = learner(f, "A-001");
    assertThat(f.tremplin.learners().get(f.manager, awa).familyName()).isEqualTo("Diallo");
    assertThat(f.tremplin.learners().enrolment(f.manager, f.cohort.id(), awa).active()).isTrue();
    assertThat(f.tremplin.funderFacts().facts(f.manager, f.cohort.id(), awa))
        .contains(
            new FunderFacts(
                CohortFixture.START,
                DeclaredSex.FEMALE,
                LocalDate.of(2001, 3, 14),
                DiplomaLevel.CAP_BEP,
                true,
                true,
                false));
    LearnerId yanis = learner(f, "A-002");
    assertThat(f.tremplin.funderFacts().facts(f.manager, f.cohort.id(), yanis).orElseThrow())
        .extracting(FunderFacts::declaredOn, FunderFacts::jobseekerRegistered)
        .containsExactly(CohortFixture.START, true);
  }

  @AllDatabases
  void importingTheSameFilesAgainWritesNothing(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    ImportService imports = imports(f);
    imports.importLearners(f.manager, f.school.id(), utf8(LEARNERS), false);
    ImportReport marks =
        imports.importAttendance(f.manager, f.school.id(), utf8(ATTENDANCE), false);
    ImportReport exits = imports.importExits(f.manager, f.school.id(), utf8(EXITS), false);
    assertThat(marks.created()).isEqualTo(4);
    assertThat(exits.created()).isEqualTo(1);
    Map<String, Integer> before = counts(f);

    ImportReport learnersAgain =
        imports.importLearners(f.manager, f.school.id(), utf8(LEARNERS), false);
    ImportReport marksAgain =
        imports.importAttendance(f.manager, f.school.id(), utf8(ATTENDANCE), false);
    ImportReport exitsAgain = imports.importExits(f.manager, f.school.id(), utf8(EXITS), false);

    assertThat(counts(f)).isEqualTo(before);
    assertThat(List.of(learnersAgain, marksAgain, exitsAgain))
        .allSatisfy(
            r -> {
              assertThat(r.applied()).isTrue();
              assertThat(r.created() + r.updated()).isZero();
            });
    assertThat(learnersAgain.unchanged()).isEqualTo(2);
    assertThat(marksAgain.unchanged()).isEqualTo(4);
    assertThat(exitsAgain.unchanged()).isEqualTo(1);
  }

  @AllDatabases
  void aFileWithBadRowsWritesNothingAndNamesEveryBadLine(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    String file =
        "reference;given_name;family_name;email;cohort;birth_date;diploma_level\n"
            + "B-1;Inès;Martin;;Promo 2025-2026;;\n"
            + "B-2;;Petit;;Promo 2025-2026;;\n"
            + "\n"
            + "B-3;Luc;Durand;pas-un-courriel;Promo 2025-2026;;\n"
            + "B-4;Léa;Roux;;Promo 1999;;\n"
            + "B-1;Inès;Martin;;Promo 2025-2026;;\n"
            + "B-6;Sam;Noir;;Promo 2025-2026;31/02/2000;4\n";
    Map<String, Integer> before = counts(f);

    ImportReport report = imports(f).importLearners(f.manager, f.school.id(), utf8(file), false);

    assertThat(report.applied()).isFalse();
    assertThat(report.problems())
        .extracting(ImportProblem::line, ImportProblem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, Reason.MISSING_VALUE),
            org.assertj.core.groups.Tuple.tuple(5, Reason.BAD_EMAIL),
            org.assertj.core.groups.Tuple.tuple(6, Reason.UNKNOWN_COHORT),
            org.assertj.core.groups.Tuple.tuple(7, Reason.DUPLICATE_ROW),
            org.assertj.core.groups.Tuple.tuple(8, Reason.BAD_DATE));
    assertThat(report.problems().get(0).column()).isEqualTo("given_name");
    assertThat(report.created()).isEqualTo(1);
    assertThat(counts(f)).isEqualTo(before);
  }

  @AllDatabases
  void aDryRunCountsButWritesNothing(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    Map<String, Integer> before = counts(f);

    ImportReport report = imports(f).importLearners(f.manager, f.school.id(), utf8(LEARNERS), true);

    assertThat(report.problems()).isEmpty();
    assertThat(report.applied()).isFalse();
    assertThat(report.created()).isEqualTo(2);
    assertThat(counts(f)).isEqualTo(before);
  }

  @AllDatabases
  void theWeeklyGridRecordsEachFilledCellAndAChangedMarkAppendsACorrection(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    ImportService imports = imports(f);
    imports.importLearners(f.manager, f.school.id(), utf8(LEARNERS), false);
    imports.importAttendance(f.manager, f.school.id(), utf8(ATTENDANCE), false);
    String grid =
        "reference,nom,prénom,lun. 05/01/2026 matin,lun. 05/01/2026 après-midi,2026-01-06 AM\n"
            + "A-001,Diallo,Awa,P,P,CP\n"
            + "A-002,Benali,Yanis,AI,M,\n";

    ImportReport report = imports.importAttendance(f.trainer, f.school.id(), utf8(grid), false);

    assertThat(report.kind()).isEqualTo(ImportReport.Kind.ATTENDANCE_GRID);
    assertThat(report.problems()).isEmpty();
    assertThat(report)
        .extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
        .containsExactly(1, 1, 3);
    LearnerId awa = learner(f, "A-001");
    HalfDay afternoon = HalfDay.pm(LocalDate.of(2026, 1, 5));
    List<AttendanceRecord> history =
        f.tremplin.attendance().history(f.manager, f.cohort.id(), awa, afternoon);
    assertThat(history).extracting(AttendanceRecord::version).containsExactly(1, 2);
    assertThat(history.get(1).mark()).isEqualTo(AttendanceMark.of(Mark.PRESENT));
    assertThat(history.get(1).reason()).isEqualTo("import");
    assertThat(history.get(1).recordedBy()).isEqualTo(f.trainer.id());
    assertThat(
            f.tremplin
                .attendance()
                .current(f.manager, f.cohort.id(), DateRange.of(LocalDate.of(2026, 1, 6))))
        .extracting(AttendanceRecord::mark)
        .containsExactly(AttendanceMark.of(Mark.PAID_LEAVE));
  }

  @AllDatabases
  void badMarksAreRefusedWithTheirLineAndNothingIsRecorded(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    imports(f).importLearners(f.manager, f.school.id(), utf8(LEARNERS), false);
    String file =
        "reference;date;part;mark\n"
            + "A-001;05/01/2026;AM;P\n"
            + "A-001;03/01/2026;AM;P\n"
            + "A-001;24/12/2025;AM;P\n"
            + "A-001;12/01/2026;AM;P\n"
            + "Z-999;05/01/2026;AM;P\n"
            + "A-001;05/01/2026;soir;P\n"
            + "A-001;05/01/2026;PM;ZZ\n"
            + "A-001;05/01/2026;matin;AI\n"
            + "A-001;05/01/2026;PM;R\n"
            + "A-001;15/08/2025;PM;P\n";

    ImportReport report = imports(f).importAttendance(f.manager, f.school.id(), utf8(file), true);

    assertThat(report.problems())
        .extracting(ImportProblem::line, ImportProblem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, Reason.NOT_WORKING_DAY),
            org.assertj.core.groups.Tuple.tuple(4, Reason.NOT_WORKING_DAY),
            org.assertj.core.groups.Tuple.tuple(5, Reason.IN_FUTURE),
            org.assertj.core.groups.Tuple.tuple(6, Reason.UNKNOWN_LEARNER),
            org.assertj.core.groups.Tuple.tuple(7, Reason.BAD_PART),
            org.assertj.core.groups.Tuple.tuple(8, Reason.BAD_MARK),
            org.assertj.core.groups.Tuple.tuple(9, Reason.DUPLICATE_ROW),
            org.assertj.core.groups.Tuple.tuple(10, Reason.BAD_LATE_MINUTES),
            org.assertj.core.groups.Tuple.tuple(11, Reason.NOT_ENROLLED));
    ImportReport real = imports(f).importAttendance(f.manager, f.school.id(), utf8(file), false);
    assertThat(real.problems()).isEqualTo(report.problems());
    assertThat(f.rows("tremplin_attendance")).isZero();
  }

  @AllDatabases
  void aBadRowLateInALargeFileLeavesNothingWritten(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    ImportService imports = imports(f);
    imports.importLearners(f.manager, f.school.id(), utf8(LEARNERS), false);
    StringBuilder file = new StringBuilder("reference,date,part,mark,late_minutes\n");
    int marks = 0;
    for (LocalDate day : f.tremplin.cohorts().calendar(f.manager, f.cohort.id()).workingDays()) {
      if (day.isAfter(LocalDate.of(2026, 1, 9))) {
        break;
      }
      for (String part : List.of("AM", "PM")) {
        for (String reference : List.of("A-001", "A-002")) {
          file.append(reference).append(',').append(day).append(',').append(part);
          file.append(marks % 9 == 0 ? ",R,10\n" : ",P,\n");
          marks++;
        }
      }
    }
    String clean = file.toString();
    // more marks than the first chunks the import writes while it still reads the file
    assertThat(marks).isGreaterThan(2 * MarkStream.FIRST_CHUNK);
    String bad = clean + "Z-999,2026-01-09,PM,P,\n";
    Map<String, Integer> before = counts(f);

    ImportReport refused = imports.importAttendance(f.manager, f.school.id(), utf8(bad), false);

    assertThat(refused.applied()).isFalse();
    assertThat(refused.problems())
        .extracting(ImportProblem::line, ImportProblem::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(marks + 2, Reason.UNKNOWN_LEARNER));
    assertThat(refused.created()).isEqualTo(marks);
    assertThat(counts(f)).isEqualTo(before);
    ImportReport accepted = imports.importAttendance(f.manager, f.school.id(), utf8(clean), false);
    assertThat(accepted.applied()).isTrue();
    assertThat(accepted.created()).isEqualTo(marks);
    assertThat(f.rows("tremplin_attendance")).isEqualTo(marks);
  }

  @AllDatabases
  void exitsAreClassifiedAndAChangedExitIsCorrected(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    ImportService imports = imports(f);
    imports.importLearners(f.manager, f.school.id(), utf8(LEARNERS), false);
    String missingMonths = "reference;left_on;situation;months\nA-001;07/01/2026;interim;\n";
    assertThat(imports.importExits(f.manager, f.school.id(), utf8(missingMonths), false).problems())
        .extracting(ImportProblem::line, ImportProblem::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Reason.MONTHS_REQUIRED));
    imports.importExits(f.manager, f.school.id(), utf8(EXITS), false);

    ImportReport corrected =
        imports.importExits(
            f.manager,
            f.school.id(),
            utf8("reference,left_on,situation,months\nA-002,2026-01-08,CDD,3\n"),
            false);

    assertThat(corrected.updated()).isEqualTo(1);
    Exit exit =
        f.tremplin.insertion().exit(f.manager, f.cohort.id(), learner(f, "A-002")).orElseThrow();
    assertThat(exit.version()).isEqualTo(2);
    assertThat(exit.classification().category()).isEqualTo(ExitCategory.EMPLOI_TRANSITION);
  }

  @AllDatabases
  void aTrainerMayNotImportLearnersAndNothingIsWritten(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    assertThatThrownBy(
            () -> imports(f).importLearners(f.trainer, f.school.id(), utf8(LEARNERS), false))
        .isInstanceOfSatisfying(
            TremplinException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
    assertThat(f.rows("tremplin_learner")).isZero();
  }

  @AllDatabases
  void aCoachMayNotImportAttendanceNorATrainerExitsAndNothingIsWritten(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    imports(f).importLearners(f.manager, f.school.id(), utf8(LEARNERS), false);
    Map<String, Integer> before = counts(f);

    assertThatThrownBy(
            () -> imports(f).importAttendance(f.coach, f.school.id(), utf8(ATTENDANCE), false))
        .isInstanceOfSatisfying(
            TremplinException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
    assertThatThrownBy(() -> imports(f).importExits(f.trainer, f.school.id(), utf8(EXITS), false))
        .isInstanceOfSatisfying(
            TremplinException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
    assertThat(counts(f)).isEqualTo(before);
  }
}

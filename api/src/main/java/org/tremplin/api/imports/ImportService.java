package org.tremplin.api.imports;

import java.util.Optional;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;

/**
 * Imports a school's CSV files (docs/imports.md): UTF-8 with or without a byte-order mark, {@code
 * ;} or {@code ,} between values (read from the header line), dates as {@code dd/MM/yyyy} or {@code
 * yyyy-MM-dd}. Each file is read whole and checked before anything is written; a file with any bad
 * row writes nothing and its report lists every bad row; a clean file is written in one
 * transaction; importing the same file again writes nothing (every row unchanged). A dry run checks
 * and counts without writing.
 *
 * <p>Learners need {@code ENROLMENT_WRITE} on the school, and their funder facts {@code
 * INSERTION_WRITE}; attendance needs {@code ATTENDANCE_WRITE} on each cohort it touches; exits need
 * {@code INSERTION_WRITE} on each learner ({@code ACCESS_DENIED} otherwise, nothing written).
 *
 * <p>Implementations are thread-safe.
 */
public interface ImportService {
  /**
   * Imports learners: reference, names, e-mail, cohort and joining day, funder facts.
   *
   * @param actor who calls, checked against the access rules
   * @param school the school
   * @param csv the file's bytes
   * @param dryRun true to check and count only
   * @return the report
   * @throws org.tremplin.api.TremplinException {@code SCHOOL_NOT_FOUND}, {@code ACCESS_DENIED}
   */
  ImportReport importLearners(Actor actor, SchoolId school, byte[] csv, boolean dryRun);

  /**
   * Imports attendance, one row per half-day (reference, date, part, mark) or the weekly grid (one
   * row per learner, one column per half-day), told apart by the header. The cohort of each mark is
   * the one the learner is enrolled in that day; a different mark for a recorded half-day appends a
   * correction.
   *
   * @param actor who calls, checked against the access rules
   * @param school the school
   * @param csv the file's bytes
   * @param dryRun true to check and count only
   * @return the report
   * @throws org.tremplin.api.TremplinException {@code SCHOOL_NOT_FOUND}, {@code ACCESS_DENIED}
   */
  ImportReport importAttendance(Actor actor, SchoolId school, byte[] csv, boolean dryRun);

  /**
   * Imports exits: reference, exit date, situation code, contract months for CDD and interim. The
   * exit is recorded in the cohort the learner joined last; a different exit already recorded gets
   * a correction.
   *
   * @param actor who calls, checked against the access rules
   * @param school the school
   * @param csv the file's bytes
   * @param dryRun true to check and count only
   * @return the report
   * @throws org.tremplin.api.TremplinException {@code SCHOOL_NOT_FOUND}, {@code ACCESS_DENIED}
   */
  ImportReport importExits(Actor actor, SchoolId school, byte[] csv, boolean dryRun);

  /**
   * The learner the school knows by this reference.
   *
   * @param actor who calls, checked against the access rules ({@code COHORT_READ} on the school)
   * @param school the school
   * @param reference the school's reference
   * @return the learner; empty when none has it
   */
  Optional<LearnerId> learnerByReference(Actor actor, SchoolId school, String reference);
}

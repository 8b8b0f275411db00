package org.tremplin.api.imports;

import org.tremplin.api.TremplinException;

/**
 * A bad row of an imported file: where, which column, why, and the value found. The reason is a
 * stable code that a front end words in its language.
 *
 * @param line the line of the file (1 is the header; 0 for the file as a whole)
 * @param column the column's name as the file spells it, or empty when the row as a whole is bad
 * @param reason why the row is refused
 * @param value the offending value as found (possibly empty), at most 200 characters
 */
public record ImportProblem(int line, String column, Reason reason, String value) {
  /**
   * Line not negative; column and value given (possibly empty); a long value is cut.
   *
   * @param line the line
   * @param column the column
   * @param reason the reason
   * @param value the value
   */
  public ImportProblem {
    TremplinException.check(line >= 0, "line must not be negative");
    TremplinException.required(column, "column");
    TremplinException.required(reason, "reason");
    TremplinException.required(value, "value");
    value = value.length() > 200 ? value.substring(0, 200) : value;
  }

  /** Why a row is refused. */
  public enum Reason {
    /** The file is not UTF-8 text. */
    NOT_UTF8,
    /** The file has no header line or no row. */
    EMPTY_FILE,
    /** A column the file must have is missing from the header (value: the column). */
    MISSING_COLUMN,
    /** A header names a column twice or a half-day the grid cannot read (value: the header). */
    BAD_HEADER,
    /** The row has another number of values than the header. */
    BAD_ROW_LENGTH,
    /** A required value is empty. */
    MISSING_VALUE,
    /** A value is too long. */
    TOO_LONG,
    /** Not a date (dd/MM/yyyy or yyyy-MM-dd). */
    BAD_DATE,
    /** Not a half-day part (AM, PM, matin, après-midi). */
    BAD_PART,
    /** Not an attendance mark. */
    BAD_MARK,
    /** Late minutes missing, not a number, or outside 1–210 (or given for another mark). */
    BAD_LATE_MINUTES,
    /** Not a declared sex (F, M, or empty). */
    BAD_SEX,
    /** Not a diploma level 0–8. */
    BAD_DIPLOMA_LEVEL,
    /** Not a yes/no value. */
    BAD_YES_NO,
    /** Not an e-mail address. */
    BAD_EMAIL,
    /** Not an exit situation code. */
    BAD_SITUATION,
    /** Not a number of months 1–120, or months given for a situation without a length. */
    BAD_MONTHS,
    /** CDD and INTERIM need the contract's length in months. */
    MONTHS_REQUIRED,
    /** Funder facts are partly given: birth date and diploma level are needed with any of them. */
    INCOMPLETE_FUNDER_FACTS,
    /** The birth date is not before the declaration date. */
    BAD_BIRTH_DATE,
    /** No learner of the school has this reference. */
    UNKNOWN_LEARNER,
    /** No cohort of the school has this name. */
    UNKNOWN_COHORT,
    /** The reference belongs to a learner of another name. */
    REFERENCE_NAME_MISMATCH,
    /** The same learner (or learner and half-day) appears on an earlier line. */
    DUPLICATE_ROW,
    /** The learner is not enrolled in any cohort of the school on that day. */
    NOT_ENROLLED,
    /** The day is not a working day of the learner's cohort (weekend, holiday, closure). */
    NOT_WORKING_DAY,
    /** The day is after today. */
    IN_FUTURE,
    /** The joining date is outside the cohort's dates. */
    DATE_OUTSIDE_COHORT,
    /** The cohort has no free place. */
    COHORT_FULL,
    /** The learner already joined the cohort on another day. */
    JOINED_ON_ANOTHER_DAY,
    /** The learner never joined a cohort of the school. */
    NEVER_ENROLLED,
    /** Any other refusal (value: the error code). */
    REFUSED
  }
}

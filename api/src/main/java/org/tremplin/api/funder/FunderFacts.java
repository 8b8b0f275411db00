package org.tremplin.api.funder;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * A learner's facts as declared at entry, dated. Reports count them only in aggregates.
 *
 * @param declaredOn the day they were declared (at entry)
 * @param sex sex as declared; {@link DeclaredSex#NOT_DECLARED} when the learner did not say
 * @param birthDate the birth date (after an erasure, a date giving the same age on {@code
 *     declaredOn})
 * @param diplomaLevel highest diploma level
 * @param qpvResident whether they live in a priority neighbourhood (QPV)
 * @param neetAtEntry whether they were neither in employment, education nor training at entry
 * @param jobseekerRegistered whether they were registered as a jobseeker (France Travail) at entry
 */
public record FunderFacts(
    LocalDate declaredOn,
    DeclaredSex sex,
    LocalDate birthDate,
    DiplomaLevel diplomaLevel,
    boolean qpvResident,
    boolean neetAtEntry,
    boolean jobseekerRegistered) {
  /**
   * Dates, sex and level required; the birth date is before the declaration.
   *
   * @param declaredOn the declaration day
   * @param sex sex as declared
   * @param birthDate the birth date
   * @param diplomaLevel the highest diploma level
   * @param qpvResident QPV residence
   * @param neetAtEntry NEET at entry
   * @param jobseekerRegistered registered as a jobseeker at entry
   */
  public FunderFacts {
    TremplinException.required(declaredOn, "declaration date");
    TremplinException.required(sex, "sex (NOT_DECLARED when not declared)");
    TremplinException.required(birthDate, "birth date");
    TremplinException.required(diplomaLevel, "diploma level");
    TremplinException.check(
        birthDate.isBefore(declaredOn),
        "birth date " + birthDate + " is not before the declaration date " + declaredOn);
  }

  /**
   * Age in whole years on a day.
   *
   * @param day the day
   * @return the age on that day
   */
  public int ageOn(LocalDate day) {
    return java.time.Period.between(birthDate, day).getYears();
  }
}

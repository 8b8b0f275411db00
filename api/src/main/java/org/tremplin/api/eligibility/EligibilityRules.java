package org.tremplin.api.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * Evaluates eligibility diagnoses against the dated criteria lists, and suggests criteria from a
 * profile.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface EligibilityRules {
  /**
   * Every version of the list, oldest first.
   *
   * @return every version of the list, oldest first
   */
  List<CriteriaVersion> versions();

  /**
   * The version in force on a date.
   *
   * @param date the day
   * @return the version in force on a date
   * @throws org.tremplin.api.TremplinException {@code ELIGIBILITY_NO_CRITERIA_VERSION} before the
   *     first version
   */
  CriteriaVersion versionOn(LocalDate date);

  /**
   * Evaluates a diagnosis with the version in force on its date.
   *
   * @param diagnosis the diagnosis
   * @return the eligibility result
   * @throws org.tremplin.api.TremplinException {@code ELIGIBILITY_UNKNOWN_CRITERION} for a code
   *     that version does not have
   */
  EligibilityResult evaluate(EligibilityDiagnosis diagnosis);

  /**
   * The criteria a profile suggests on a date, in the list's order.
   *
   * @param profile the profile
   * @param on the day it is evaluated on
   * @return the criteria a profile suggests on a date, in the list's order
   */
  List<CriterionSuggestion> suggest(List<ProfileFact> profile, LocalDate on);

  /**
   * Whether a diagnosis is still valid on a day: within its validity after its date, or at any
   * later day while a PASS IAE is running.
   *
   * @param diagnosis the diagnosis
   * @param day the day
   * @param passIaeRunning the pass iae running
   * @return whether a diagnosis is still valid on a day: within its validity after its date, or at
   *     any later day while a PASS IAE is running
   */
  boolean isValidOn(EligibilityDiagnosis diagnosis, LocalDate day, boolean passIaeRunning);
}

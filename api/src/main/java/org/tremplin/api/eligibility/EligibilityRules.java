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
  /** Every version of the list, oldest first. */
  List<CriteriaVersion> versions();

  /**
   * The version in force on a date.
   *
   * @throws org.tremplin.api.TremplinException {@code ELIGIBILITY_NO_CRITERIA_VERSION} before the
   *     first version
   */
  CriteriaVersion versionOn(LocalDate date);

  /**
   * Evaluates a diagnosis with the version in force on its date.
   *
   * @throws org.tremplin.api.TremplinException {@code ELIGIBILITY_UNKNOWN_CRITERION} for a code
   *     that version does not have
   */
  EligibilityResult evaluate(EligibilityDiagnosis diagnosis);

  /** The criteria a profile suggests on a date, in the list's order. */
  List<CriterionSuggestion> suggest(List<ProfileFact> profile, LocalDate on);

  /**
   * Whether a diagnosis is still valid on a day: within its validity after its date, or at any
   * later day while a PASS IAE is running.
   */
  boolean isValidOn(EligibilityDiagnosis diagnosis, LocalDate day, boolean passIaeRunning);
}

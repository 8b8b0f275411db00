package org.tremplin.api.privacy;

import org.tremplin.api.TremplinException;

/**
 * How long personal data is kept.
 *
 * @param coachingNotesYearsAfterExit coaching notes are purged this many years after the exit
 */
public record RetentionPolicy(int coachingNotesYearsAfterExit) {
  /**
   * Between 0 and 50 years.
   *
   * @param coachingNotesYearsAfterExit the coaching notes years after exit
   */
  public RetentionPolicy {
    TremplinException.check(
        coachingNotesYearsAfterExit >= 0 && coachingNotesYearsAfterExit <= 50,
        "retention must be between 0 and 50 years, got " + coachingNotesYearsAfterExit);
  }
}

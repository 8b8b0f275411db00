package org.tremplin.api.learner;

import org.tremplin.api.TremplinException;

/**
 * A learner's name as given when registering several at once ({@link LearnerService#registerAll}).
 * Immutable.
 *
 * @param givenName given name, 1 to 100 characters
 * @param familyName family name, 1 to 100 characters
 */
public record LearnerName(String givenName, String familyName) {
  /** Both required, not blank, at most 100 characters; stripped. */
  public LearnerName {
    givenName = TremplinException.requiredText(givenName, "given name").strip();
    familyName = TremplinException.requiredText(familyName, "family name").strip();
    TremplinException.check(givenName.length() <= 100, "given name is longer than 100 characters");
    TremplinException.check(
        familyName.length() <= 100, "family name is longer than 100 characters");
  }
}

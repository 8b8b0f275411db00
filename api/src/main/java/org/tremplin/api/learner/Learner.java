package org.tremplin.api.learner;

import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;

/**
 * A learner: an employee on an insertion path and a certification candidate.
 *
 * @param id their id
 * @param school the school that employs them
 * @param givenName given name
 * @param familyName family name
 */
public record Learner(LearnerId id, SchoolId school, String givenName, String familyName) {
  /**
   * All fields required, at most 100 characters each.
   *
   * @param id the identifier
   * @param school the school
   * @param givenName the given name
   * @param familyName the family name
   */
  public Learner {
    TremplinException.required(id, "learner id");
    TremplinException.required(school, "school");
    TremplinException.requiredText(givenName, "given name");
    TremplinException.requiredText(familyName, "family name");
    TremplinException.check(givenName.length() <= 100, "given name is longer than 100 characters");
    TremplinException.check(
        familyName.length() <= 100, "family name is longer than 100 characters");
  }

  /**
   * "Given Family".
   *
   * @return the display name
   */
  public String displayName() {
    return givenName + " " + familyName;
  }
}

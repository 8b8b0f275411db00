package org.tremplin.api.eligibility;

import org.tremplin.api.TremplinException;

/**
 * A criterion suggested from the profile, with the fact that suggests it.
 *
 * @param criterion the criterion code
 * @param because the fact, e.g. "aged 22 on 2025-09-01"
 */
public record CriterionSuggestion(String criterion, String because) {
  /**
   * Both fields required.
   *
   * @param criterion the criterion
   * @param because the because
   */
  public CriterionSuggestion {
    TremplinException.requiredText(criterion, "criterion");
    TremplinException.requiredText(because, "because");
  }
}

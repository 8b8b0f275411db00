package org.tremplin.api.certification;

import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;

/**
 * A performance criterion (critère de performance) of a competency, e.g. {@code CP2.3}.
 *
 * @param code unique within the certification version
 * @param title what is observed
 */
public record PerformanceCriterion(String code, LocalizedText title) {
  /**
   * Code and title are required.
   *
   * @param code the stable code
   * @param title the title
   */
  public PerformanceCriterion {
    TremplinException.requiredText(code, "criterion code");
    TremplinException.required(title, "criterion title");
  }
}

package org.tremplin.api.certification;

import java.util.List;
import java.util.Optional;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;

/**
 * A professional competency (CP) of a certification version, with its performance criteria.
 *
 * @param code unique within the certification version, e.g. {@code CP3}
 * @param title what the candidate does
 * @param criteria the performance criteria, possibly empty
 */
public record Competency(String code, LocalizedText title, List<PerformanceCriterion> criteria) {
  /**
   * Code and title are required; criteria are copied.
   *
   * @param code the stable code
   * @param title the title
   * @param criteria the criteria
   */
  public Competency {
    TremplinException.requiredText(code, "competency code");
    TremplinException.required(title, "competency title");
    criteria = List.copyOf(TremplinException.required(criteria, "criteria"));
  }

  /**
   * The criterion with this code, if this competency has it.
   *
   * @param criterionCode the criterion code
   * @return the criterion with this code, if this competency has it
   */
  public Optional<PerformanceCriterion> criterion(String criterionCode) {
    return criteria.stream().filter(c -> c.code().equals(criterionCode)).findFirst();
  }
}

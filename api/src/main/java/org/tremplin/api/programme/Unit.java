package org.tremplin.api.programme;

import java.util.List;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;

/**
 * A unit of a phase: a number of hours working on some competencies.
 *
 * @param code unique within the template
 * @param name its name
 * @param hours planned hours, positive
 * @param competencies codes of the competencies it covers (of the template's certification)
 */
public record Unit(String code, LocalizedText name, int hours, List<String> competencies) {
  /**
   * Code and name are required, hours positive.
   *
   * @param code the stable code
   * @param name the name
   * @param hours the hours
   * @param competencies the competencies
   */
  public Unit {
    TremplinException.requiredText(code, "unit code");
    TremplinException.required(name, "unit name");
    TremplinException.check(hours > 0, "unit " + code + " must have positive hours, got " + hours);
    competencies = List.copyOf(TremplinException.required(competencies, "competencies"));
  }
}

package org.tremplin.api.programme;

import java.util.List;
import java.util.stream.Stream;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;
import org.tremplin.api.certification.CertificationRef;

/**
 * A versioned programme template: ordered phases with their units, the company placement and the
 * certification version it prepares for. Schools copy and adapt templates; a cohort keeps the
 * version it started with.
 *
 * @param ref id and version
 * @param name its name
 * @param certification the targeted certification version
 * @param placementHours hours of company placement required before the certification
 * @param phases the phases, in order
 */
public record ProgrammeTemplate(
    TemplateRef ref,
    LocalizedText name,
    CertificationRef certification,
    int placementHours,
    List<Phase> phases) {

  /**
   * All fields required; at least one phase; placement hours not negative.
   *
   * @param ref the ref
   * @param name the name
   * @param certification the certification
   * @param placementHours the placement hours
   * @param phases the phases
   */
  public ProgrammeTemplate {
    TremplinException.required(ref, "template reference");
    TremplinException.required(name, "template name");
    TremplinException.required(certification, "certification");
    TremplinException.check(placementHours >= 0, "placementHours must not be negative");
    phases = List.copyOf(TremplinException.required(phases, "phases"));
    TremplinException.check(!phases.isEmpty(), "template " + ref + " has no phase");
  }

  /**
   * Total length in weeks (the last week of the last phase).
   *
   * @return total length in weeks (the last week of the last phase)
   */
  public int totalWeeks() {
    return phases.stream().mapToInt(Phase::endWeek).max().orElse(0);
  }

  /**
   * All units of all phases, in order.
   *
   * @return all units of all phases, in order
   */
  public Stream<Unit> units() {
    return phases.stream().flatMap(p -> p.units().stream());
  }

  /**
   * The same template under another reference (used when importing a new version).
   *
   * @param newRef the new ref
   * @return the same template under another reference (used when importing a new version)
   */
  public ProgrammeTemplate withRef(TemplateRef newRef) {
    return new ProgrammeTemplate(newRef, name, certification, placementHours, phases);
  }
}

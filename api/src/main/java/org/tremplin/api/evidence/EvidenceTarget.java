package org.tremplin.api.evidence;

import org.tremplin.api.TremplinException;

/** What a piece of evidence is about: a whole competency, or one performance criterion. */
public sealed interface EvidenceTarget {
  /**
   * The competency code (for a criterion, the competency that owns it).
   *
   * @return the competency code (for a criterion, the competency that owns it)
   */
  String competency();

  /**
   * Evidence on a whole competency.
   *
   * @param competency e.g. {@code CP3}
   */
  record OnCompetency(String competency) implements EvidenceTarget {
    /**
     * The code is required.
     *
     * @param competency the competency
     */
    public OnCompetency {
      TremplinException.requiredText(competency, "competency");
    }
  }

  /**
   * Evidence on a performance criterion.
   *
   * @param competency the competency that owns it, e.g. {@code CP3}
   * @param criterion e.g. {@code CP3.2}
   */
  record OnCriterion(String competency, String criterion) implements EvidenceTarget {
    /**
     * Both codes are required.
     *
     * @param competency the competency
     * @param criterion the criterion
     */
    public OnCriterion {
      TremplinException.requiredText(competency, "competency");
      TremplinException.requiredText(criterion, "criterion");
    }
  }
}

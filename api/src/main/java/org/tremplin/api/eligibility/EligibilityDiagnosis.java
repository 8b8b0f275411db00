package org.tremplin.api.eligibility;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.TremplinException;

/**
 * A diagnosis (diagnostic d'éligibilité): who made it, when, for which structure kind, the criteria
 * retained and their supporting documents.
 *
 * @param author who made it (a prescriber or the structure's coach)
 * @param date when
 * @param structure the kind of structure hiring
 * @param criteria the criterion codes retained
 * @param proofs supporting documents, possibly fewer than the criteria
 */
public record EligibilityDiagnosis(
    String author,
    LocalDate date,
    StructureKind structure,
    List<String> criteria,
    List<SupportingDocument> proofs) {
  /**
   * All fields required; criteria codes unique.
   *
   * @param author the author
   * @param date the day
   * @param structure the structure
   * @param criteria the criteria
   * @param proofs the proofs
   */
  public EligibilityDiagnosis {
    TremplinException.requiredText(author, "author");
    TremplinException.required(date, "date");
    TremplinException.required(structure, "structure");
    criteria = List.copyOf(TremplinException.required(criteria, "criteria"));
    TremplinException.check(
        criteria.stream().distinct().count() == criteria.size(), "a criterion is listed twice");
    proofs = List.copyOf(TremplinException.required(proofs, "proofs"));
  }
}

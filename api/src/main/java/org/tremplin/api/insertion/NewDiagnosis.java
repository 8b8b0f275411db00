package org.tremplin.api.insertion;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.TremplinException;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.eligibility.SupportingDocument;

/**
 * A diagnosis to record; its author is the actor who records it.
 *
 * @param date the day of the diagnosis (not in the future)
 * @param structure the kind of structure hiring
 * @param criteria the criterion codes retained, each once
 * @param proofs the supporting documents, possibly fewer than the criteria
 */
public record NewDiagnosis(
    LocalDate date,
    StructureKind structure,
    List<String> criteria,
    List<SupportingDocument> proofs) {
  /**
   * All fields required; criterion codes unique.
   *
   * @param date the day
   * @param structure the structure
   * @param criteria the criteria
   * @param proofs the proofs
   */
  public NewDiagnosis {
    TremplinException.required(date, "date");
    TremplinException.required(structure, "structure");
    criteria = List.copyOf(TremplinException.required(criteria, "criteria"));
    criteria.forEach(c -> TremplinException.requiredText(c, "criterion"));
    TremplinException.check(
        criteria.stream().distinct().count() == criteria.size(), "a criterion is listed twice");
    proofs = List.copyOf(TremplinException.required(proofs, "proofs"));
  }
}

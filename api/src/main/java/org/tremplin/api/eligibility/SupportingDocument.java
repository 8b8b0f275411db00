package org.tremplin.api.eligibility;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * A supporting document (justificatif) for one criterion.
 *
 * @param criterion the criterion code it proves
 * @param issuedOn the date on the document
 */
public record SupportingDocument(String criterion, LocalDate issuedOn) {
  /**
   * Both fields required.
   *
   * @param criterion the criterion
   * @param issuedOn the issued on
   */
  public SupportingDocument {
    TremplinException.requiredText(criterion, "criterion");
    TremplinException.required(issuedOn, "issuedOn");
  }
}

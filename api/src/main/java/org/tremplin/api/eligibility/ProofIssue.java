package org.tremplin.api.eligibility;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/** A problem with the proof of a retained criterion. */
public sealed interface ProofIssue {
  /**
   * The criterion concerned.
   *
   * @return the criterion concerned
   */
  String criterion();

  /**
   * No supporting document for the criterion.
   *
   * @param criterion its code
   */
  record Missing(String criterion) implements ProofIssue {
    /**
     * Code required.
     *
     * @param criterion the criterion
     */
    public Missing {
      TremplinException.requiredText(criterion, "criterion");
    }
  }

  /**
   * The supporting document was no longer valid on the diagnosis date.
   *
   * @param criterion its code
   * @param issuedOn the date on the document
   * @param validUntil its last valid day
   */
  record OutOfDate(String criterion, LocalDate issuedOn, LocalDate validUntil)
      implements ProofIssue {
    /**
     * All fields required.
     *
     * @param criterion the criterion
     * @param issuedOn the issued on
     * @param validUntil the valid until
     */
    public OutOfDate {
      TremplinException.requiredText(criterion, "criterion");
      TremplinException.required(issuedOn, "issuedOn");
      TremplinException.required(validUntil, "validUntil");
    }
  }
}

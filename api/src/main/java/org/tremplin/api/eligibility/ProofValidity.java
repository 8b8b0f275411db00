package org.tremplin.api.eligibility;

import java.time.LocalDate;
import java.util.Optional;
import org.tremplin.api.TremplinException;

/** How long a supporting document stays valid. */
public sealed interface ProofValidity {
  /**
   * The last day the proof is valid, or empty when it does not expire before hire.
   *
   * @param issuedOn the issued on
   * @return the last day the proof is valid, or empty when it does not expire before hire
   */
  Optional<LocalDate> validUntil(LocalDate issuedOn);

  /** Valid at hire, whatever its date. */
  record AtHire() implements ProofValidity {
    @Override
    public Optional<LocalDate> validUntil(LocalDate issuedOn) {
      return Optional.empty();
    }
  }

  /**
   * Valid for some months after it was issued.
   *
   * @param months 1 or more
   */
  record Months(int months) implements ProofValidity {
    /**
     * At least one month.
     *
     * @param months the months
     */
    public Months {
      TremplinException.check(months >= 1, "proof validity must be at least one month");
    }

    @Override
    public Optional<LocalDate> validUntil(LocalDate issuedOn) {
      return Optional.of(issuedOn.plusMonths(months).minusDays(1));
    }
  }
}

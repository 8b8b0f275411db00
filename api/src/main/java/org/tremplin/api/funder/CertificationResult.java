package org.tremplin.api.funder;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.TremplinException;

/**
 * A learner's result at the certification session.
 *
 * @param sessionOn the day of the session (the jury)
 * @param outcome full title, partial, failed or absent
 * @param blocksObtained the competency blocks obtained (e.g. {@code RNCP37674BC01}) for a partial
 *     result; empty otherwise
 */
public record CertificationResult(
    LocalDate sessionOn, CertificationOutcome outcome, List<String> blocksObtained) {
  /**
   * A partial result names at least one block, the others none; codes are at most 32 long.
   *
   * @param sessionOn the day of the session
   * @param outcome the outcome
   * @param blocksObtained the blocks obtained (a partial result only)
   */
  public CertificationResult {
    TremplinException.required(sessionOn, "session date");
    TremplinException.required(outcome, "outcome");
    blocksObtained =
        List.copyOf(TremplinException.required(blocksObtained, "blocks obtained")).stream()
            .map(b -> TremplinException.requiredText(b, "block code").strip())
            .distinct()
            .toList();
    if (outcome == CertificationOutcome.PARTIAL) {
      TremplinException.check(
          !blocksObtained.isEmpty(), "a partial result names the blocks obtained");
    } else {
      TremplinException.check(
          blocksObtained.isEmpty(), "only a partial result names blocks (" + outcome + ")");
    }
    for (String b : blocksObtained) {
      TremplinException.check(
          b.length() <= 32 && !b.contains(","), "'" + b + "' is not a block code");
    }
  }
}

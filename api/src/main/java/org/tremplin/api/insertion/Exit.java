package org.tremplin.api.insertion;

import java.time.Instant;
import java.time.LocalDate;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.exit.ExitClassification;

/**
 * One version of a learner's exit from a cohort, with the category the rules derived and the
 * version of those rules. A correction appends the next version with its reason.
 *
 * @param cohort the cohort left
 * @param learner the learner
 * @param version 1 for the exit as first recorded, then one more per correction
 * @param leftOn the day the learner left
 * @param contractMonths length of the contract obtained for a CDD or temporary work; 0 otherwise
 * @param classification situation, derived category, whether dynamic, rules version
 * @param correctionReason why this version corrects the previous one; empty for version 1
 * @param recordedBy the actor id who recorded it
 * @param recordedAt when
 * @param followUpDue the day the situation six months after the exit is due
 */
public record Exit(
    CohortId cohort,
    LearnerId learner,
    int version,
    LocalDate leftOn,
    int contractMonths,
    ExitClassification classification,
    String correctionReason,
    String recordedBy,
    Instant recordedAt,
    LocalDate followUpDue) {
  /**
   * All fields required; version from 1; a correction has a reason.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param version the version
   * @param leftOn the left on
   * @param contractMonths the contract months
   * @param classification the classification
   * @param correctionReason the correction reason
   * @param recordedBy the recorded by
   * @param recordedAt the recorded at
   * @param followUpDue the follow up due
   */
  public Exit {
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    TremplinException.check(version >= 1, "exit version starts at 1");
    TremplinException.required(leftOn, "leftOn");
    TremplinException.check(contractMonths >= 0, "contract months must not be negative");
    TremplinException.required(classification, "classification");
    TremplinException.required(correctionReason, "correctionReason");
    TremplinException.check(
        version == 1 || !correctionReason.isBlank(), "a corrected exit needs a reason");
    TremplinException.requiredText(recordedBy, "recordedBy");
    TremplinException.required(recordedAt, "recordedAt");
    TremplinException.required(followUpDue, "followUpDue");
  }
}

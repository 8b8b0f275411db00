package org.tremplin.api.insertion;

import java.time.Instant;
import java.time.LocalDate;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.exit.ExitClassification;

/**
 * The situation six months after an exit (suivi à 6 mois), with its own derived category.
 *
 * @param cohort the cohort left
 * @param learner the learner
 * @param observedOn the day the situation was observed
 * @param contractMonths length of the contract held for a CDD or temporary work; 0 otherwise
 * @param classification situation, derived category, whether dynamic, rules version
 * @param recordedBy the actor id who recorded it
 * @param recordedAt when
 */
public record FollowUp(
    CohortId cohort,
    LearnerId learner,
    LocalDate observedOn,
    int contractMonths,
    ExitClassification classification,
    String recordedBy,
    Instant recordedAt) {
  /**
   * All fields required.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param observedOn the observed on
   * @param contractMonths the contract months
   * @param classification the classification
   * @param recordedBy the recorded by
   * @param recordedAt the recorded at
   */
  public FollowUp {
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    TremplinException.required(observedOn, "observedOn");
    TremplinException.check(contractMonths >= 0, "contract months must not be negative");
    TremplinException.required(classification, "classification");
    TremplinException.requiredText(recordedBy, "recordedBy");
    TremplinException.required(recordedAt, "recordedAt");
  }
}

package org.tremplin.api.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * An alert raised for a learner from a risk signal.
 *
 * @param id its id
 * @param cohort the cohort
 * @param learner the learner
 * @param signal the signal with its evidence
 * @param raisedOn the day it was raised
 * @param status raised, acknowledged or resolved
 * @param changedBy who last changed its status (empty while raised)
 * @param changedAt when its status last changed
 */
public record Alert(
    UUID id,
    CohortId cohort,
    LearnerId learner,
    RiskSignal signal,
    LocalDate raisedOn,
    AlertStatus status,
    String changedBy,
    Instant changedAt) {
  /**
   * All fields required.
   *
   * @param id the identifier
   * @param cohort the cohort
   * @param learner the learner
   * @param signal the signal
   * @param raisedOn the raised on
   * @param status the status
   * @param changedBy the changed by
   * @param changedAt the changed at
   */
  public Alert {
    TremplinException.required(id, "id");
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    TremplinException.required(signal, "signal");
    TremplinException.required(raisedOn, "raisedOn");
    TremplinException.required(status, "status");
    TremplinException.required(changedBy, "changedBy");
    TremplinException.required(changedAt, "changedAt");
  }
}

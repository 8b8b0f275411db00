package org.tremplin.api.coaching;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * A barrier to employment (frein périphérique) of a learner, with its status history. Immutable.
 *
 * @param id its id
 * @param cohort the cohort the learner is in
 * @param learner the learner
 * @param category its kind
 * @param severity how much it weighs
 * @param openedOn the day it was identified
 * @param description what it is
 * @param history status changes, oldest first; the first is OPEN on {@code openedOn}
 */
public record Barrier(
    BarrierId id,
    CohortId cohort,
    LearnerId learner,
    BarrierCategory category,
    BarrierSeverity severity,
    LocalDate openedOn,
    String description,
    List<BarrierStatusChange> history) {
  /**
   * All required; the history is not empty.
   *
   * @param id the identifier
   * @param cohort the cohort
   * @param learner the learner
   * @param category the category
   * @param severity the severity
   * @param openedOn the opened on
   * @param description the description
   * @param history the history
   */
  public Barrier {
    TremplinException.required(id, "id");
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    TremplinException.required(category, "category");
    TremplinException.required(severity, "severity");
    TremplinException.required(openedOn, "openedOn");
    TremplinException.requiredText(description, "description");
    history = List.copyOf(TremplinException.required(history, "history"));
    TremplinException.check(!history.isEmpty(), "a barrier has at least its opening in history");
  }

  /**
   * The current status (the newest change's).
   *
   * @return the current status (the newest change's)
   */
  public BarrierStatus status() {
    return current().status();
  }

  /**
   * The newest status change.
   *
   * @return the newest status change
   */
  public BarrierStatusChange current() {
    return history.get(history.size() - 1);
  }

  /**
   * The result, once resolved or abandoned.
   *
   * @return the result, once resolved or abandoned
   */
  public Optional<String> result() {
    return status().closes() ? Optional.of(current().note()) : Optional.empty();
  }

  /**
   * The day it was resolved or abandoned, once closed.
   *
   * @return the day it was resolved or abandoned, once closed
   */
  public Optional<LocalDate> closedOn() {
    return status().closes() ? Optional.of(current().on()) : Optional.empty();
  }
}

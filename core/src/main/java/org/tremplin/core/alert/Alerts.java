package org.tremplin.core.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.alert.Alert;
import org.tremplin.api.alert.AlertStatus;

/** Stored alerts and per-school thresholds. Thread-safe; calls inside a transaction join it. */
public interface Alerts {
  /**
   * Stores a new alert.
   *
   * @param alert the alert
   */
  void insert(Alert alert);

  /**
   * The alert with this id.
   *
   * @param id the identifier
   * @return the alert with this id
   */
  Optional<Alert> find(UUID id);

  /**
   * A learner's alerts that are not resolved, oldest first.
   *
   * @param learner the learner
   * @return a learner's alerts that are not resolved, oldest first
   */
  List<Alert> unresolved(LearnerId learner);

  /**
   * Changes an alert's status.
   *
   * @param id the identifier
   * @param status the status
   * @param by the by
   * @param at the instant
   */
  void changeStatus(UUID id, AlertStatus status, String by, Instant at);

  /**
   * The school's thresholds document, if it set its own.
   *
   * @param school the school
   * @return the school's thresholds document, if it set its own
   */
  Optional<String> thresholds(SchoolId school);

  /**
   * Replaces the school's thresholds document.
   *
   * @param school the school
   * @param document the document
   * @param by the by
   * @param at the instant
   */
  void putThresholds(SchoolId school, String document, String by, Instant at);

  /**
   * The unresolved alerts of these learners, in any cohort, each learner's by raised day then
   * situation (the caseload's one read).
   *
   * @param learners the learners
   * @return their unresolved alerts; empty when none
   */
  List<Alert> unresolvedOf(Collection<LearnerId> learners);
}

package org.tremplin.api.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;

/**
 * Alerts from risk signals: raised once per ongoing situation, acknowledged and resolved by the
 * coach. Reading needs {@code INSERTION_READ}, changing {@code INSERTION_WRITE} on the learner (the
 * referent coach or a manager); thresholds are set by the school's manager.
 *
 * <p>Implementations are thread-safe.
 */
public interface AlertService {
  /**
   * The school's thresholds: its own, or the defaults.
   *
   * @param actor who calls, checked against the access rules
   * @param school the school
   * @return the school's thresholds: its own, or the defaults
   */
  RiskThresholds thresholds(Actor actor, SchoolId school);

  /**
   * Sets the school's thresholds (needs {@code PROGRAMME_WRITE} on the school).
   *
   * @param actor who calls, checked against the access rules
   * @param school the school
   * @param thresholds the thresholds
   */
  void setThresholds(Actor actor, SchoolId school, RiskThresholds thresholds);

  /**
   * Raises an alert for each signal whose situation has no unresolved alert yet; returns the alerts
   * raised now (empty when every situation was already alerted).
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param signals the signals
   * @param on the day it is evaluated on
   * @return the alerts raised now (empty when every situation was already alerted)
   */
  List<Alert> raise(
      Actor actor, CohortId cohort, LearnerId learner, List<RiskSignal> signals, LocalDate on);

  /**
   * Evaluates the risk rules for a learner on a day, from the stored attendance, coaching, evidence
   * and insertion data with the school's thresholds, and raises what is new. The same day and data
   * always give the same signals (a nightly run and a test with a fixed date agree).
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param on the day it is evaluated on
   * @return the alerts
   */
  List<Alert> evaluate(Actor actor, CohortId cohort, LearnerId learner, LocalDate on);

  /**
   * {@link #evaluate} for every learner enrolled in the cohort on that day (a manager's run).
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param on the day it is evaluated on
   * @return the alerts
   */
  List<Alert> evaluateCohort(Actor actor, CohortId cohort, LocalDate on);

  /**
   * The learner's alerts that are not resolved, oldest first.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's alerts that are not resolved, oldest first
   */
  List<Alert> open(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * Marks an alert as seen.
   *
   * @param actor who calls, checked against the access rules
   * @param alert the alert
   * @return the alert
   */
  Alert acknowledge(Actor actor, UUID alert);

  /**
   * Marks an alert as over.
   *
   * @param actor who calls, checked against the access rules
   * @param alert the alert
   * @return the alert
   */
  Alert resolve(Actor actor, UUID alert);
}

package org.tremplin.api.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.HalfDay;

/**
 * What the risk rules look at for one learner on one day, gathered by the caller from attendance,
 * coaching, evidence and the contract. Dates that may be unknown are nullable here and read through
 * {@code Optional} accessors.
 *
 * @param learner the learner
 * @param on the evaluation day
 * @param unjustifiedAbsences the learner's current unjustified half-days (any period)
 * @param attendanceRate attendance rate over the attendance window ending on {@code on}
 * @param plannedHalfDaysInWindow planned half-days in that window (no signal when 0)
 * @param lastHeldMeeting the last coaching meeting held, if any
 * @param coachedSince when coaching started (the referent assignment), the reference when no
 *     meeting was ever held
 * @param missedMeetingsSinceLastHeld missed meetings after the last held one
 * @param inTrainingPhase whether {@code on} falls in a training phase (foundation, intensive, real
 *     project)
 * @param lastCompetencyProgress the last day a competency status improved, if any
 * @param trainingStart first day of the training phases (reference when no progress yet)
 * @param contractEnd the current contract's last day, if any
 * @param passEnd the PASS IAE's last day, if any
 * @param hasExitPlan whether an exit plan (action towards employment or training) exists
 * @param acquiredShare share of the certification's competencies acquired (0–1)
 * @param trainingElapsedShare share of the training phases elapsed on {@code on} (0–1)
 */
public record LearnerSituation(
    LearnerId learner,
    LocalDate on,
    List<HalfDay> unjustifiedAbsences,
    BigDecimal attendanceRate,
    int plannedHalfDaysInWindow,
    @Nullable LocalDate lastHeldMeeting,
    LocalDate coachedSince,
    int missedMeetingsSinceLastHeld,
    boolean inTrainingPhase,
    @Nullable LocalDate lastCompetencyProgress,
    LocalDate trainingStart,
    @Nullable LocalDate contractEnd,
    @Nullable LocalDate passEnd,
    boolean hasExitPlan,
    BigDecimal acquiredShare,
    BigDecimal trainingElapsedShare) {
  /**
   * Required fields present; shares between 0 and 1.
   *
   * @param learner the learner
   * @param on the day it is evaluated on
   * @param unjustifiedAbsences the unjustified absences
   * @param attendanceRate the attendance rate
   * @param plannedHalfDaysInWindow the planned half days in window
   * @param lastHeldMeeting the last held meeting
   * @param coachedSince the coached since
   * @param missedMeetingsSinceLastHeld the missed meetings since last held
   * @param inTrainingPhase the in training phase
   * @param lastCompetencyProgress the last competency progress
   * @param trainingStart the training start
   * @param contractEnd the contract end
   * @param passEnd the pass end
   * @param hasExitPlan the has exit plan
   * @param acquiredShare the acquired share
   * @param trainingElapsedShare the training elapsed share
   */
  public LearnerSituation {
    TremplinException.required(learner, "learner");
    TremplinException.required(on, "on");
    unjustifiedAbsences = List.copyOf(TremplinException.required(unjustifiedAbsences, "absences"));
    TremplinException.required(attendanceRate, "attendanceRate");
    TremplinException.check(plannedHalfDaysInWindow >= 0, "planned half-days must not be negative");
    TremplinException.required(coachedSince, "coachedSince");
    TremplinException.check(
        missedMeetingsSinceLastHeld >= 0, "missed meetings must not be negative");
    TremplinException.required(trainingStart, "trainingStart");
    TremplinException.required(acquiredShare, "acquiredShare");
    TremplinException.required(trainingElapsedShare, "trainingElapsedShare");
  }

  /**
   * The last held meeting.
   *
   * @return the last held meeting
   */
  public Optional<LocalDate> lastHeldMeetingDate() {
    return Optional.ofNullable(lastHeldMeeting);
  }

  /**
   * The last competency progress.
   *
   * @return the last competency progress
   */
  public Optional<LocalDate> lastCompetencyProgressDate() {
    return Optional.ofNullable(lastCompetencyProgress);
  }

  /**
   * The contract's last day.
   *
   * @return the contract's last day
   */
  public Optional<LocalDate> contractEndDate() {
    return Optional.ofNullable(contractEnd);
  }

  /**
   * The PASS IAE's last day.
   *
   * @return the PASS IAE's last day
   */
  public Optional<LocalDate> passEndDate() {
    return Optional.ofNullable(passEnd);
  }
}

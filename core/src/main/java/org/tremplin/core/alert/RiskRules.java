package org.tremplin.core.alert;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.TremplinException;
import org.tremplin.api.alert.LearnerSituation;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.alert.RiskThresholds;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.core.internal.Json;

/**
 * The early-warning rules. Given a learner's situation on a day and the school's thresholds, the
 * signals raised, each with its evidence:
 *
 * <ul>
 *   <li>unjustified absences: at least {@code unjustifiedHalfDays} in the {@code
 *       unjustifiedWindowDays} days ending on the day;
 *   <li>low attendance: rate under {@code minAttendanceRate} over the attendance window (only when
 *       half-days were planned);
 *   <li>no coaching meeting held for more than {@code maxDaysWithoutMeeting} days (counted from the
 *       start of coaching when none was ever held);
 *   <li>missed meetings: at least {@code missedMeetings} since the last one held;
 *   <li>no competency progress for more than {@code maxDaysWithoutProgress} days, during training
 *       phases only;
 *   <li>contract or PASS IAE ending within {@code endingWithinDays} days without an exit plan;
 *   <li>readiness behind: acquired share below the share of training elapsed minus the tolerance.
 * </ul>
 *
 * Pure and deterministic: the same situation gives the same signals, whatever the clock, so a
 * nightly run and a test on a fixed date agree. Stateless and thread-safe.
 */
public final class RiskRules {
  private RiskRules() {}

  /**
   * The default thresholds from {@code thresholds.json}.
   *
   * @return the default thresholds from {@code thresholds.json}
   */
  public static RiskThresholds defaults() {
    return Json.resource(RiskRules.class, "thresholds.json", Defaults.class).thresholds();
  }

  /**
   * The signals raised by a situation.
   *
   * @param s the s
   * @param t the t
   * @return the signals raised by a situation
   */
  public static List<RiskSignal> evaluate(LearnerSituation s, RiskThresholds t) {
    TremplinException.required(s, "situation");
    TremplinException.required(t, "thresholds");
    List<RiskSignal> signals = new ArrayList<>();
    LocalDate on = s.on();

    signals.addAll(
        attendanceSignals(
            s.unjustifiedAbsences(), s.attendanceRate(), s.plannedHalfDaysInWindow(), on, t));

    LocalDate meetingRef = s.lastHeldMeetingDate().orElse(s.coachedSince());
    long sinceMeeting = ChronoUnit.DAYS.between(meetingRef, on);
    if (sinceMeeting > t.maxDaysWithoutMeeting()) {
      signals.add(new RiskSignal.NoCoachingMeeting(meetingRef, sinceMeeting));
    }

    if (s.missedMeetingsSinceLastHeld() >= t.missedMeetings()) {
      signals.add(new RiskSignal.MissedMeetings(s.missedMeetingsSinceLastHeld()));
    }

    if (s.inTrainingPhase()) {
      LocalDate progressRef = s.lastCompetencyProgressDate().orElse(s.trainingStart());
      long sinceProgress = ChronoUnit.DAYS.between(progressRef, on);
      if (sinceProgress > t.maxDaysWithoutProgress()) {
        signals.add(new RiskSignal.NoCompetencyProgress(progressRef, sinceProgress));
      }
    }

    if (!s.hasExitPlan()) {
      ending("CONTRACT", s.contractEndDate(), on, t).ifPresent(signals::add);
      ending("PASS_IAE", s.passEndDate(), on, t).ifPresent(signals::add);
    }

    if (readinessBehind(s.acquiredShare(), s.trainingElapsedShare(), t)) {
      signals.add(new RiskSignal.ReadinessBehind(s.acquiredShare(), s.trainingElapsedShare()));
    }
    return signals;
  }

  private static final java.util.Set<org.tremplin.api.programme.PhaseKind> TRAINING =
      java.util.EnumSet.of(
          org.tremplin.api.programme.PhaseKind.FOUNDATION,
          org.tremplin.api.programme.PhaseKind.INTENSIVE_TRAINING,
          org.tremplin.api.programme.PhaseKind.REAL_PROJECT);

  /**
   * Whether readiness is behind the cohort calendar: the acquired share plus the tolerance stays
   * below the share of training elapsed.
   *
   * @param acquiredShare share of the certification's competencies acquired (0–1)
   * @param trainingElapsedShare share of the training phases elapsed (0–1)
   * @param t the thresholds (their readiness tolerance)
   * @return whether readiness is behind
   */
  public static boolean readinessBehind(
      java.math.BigDecimal acquiredShare,
      java.math.BigDecimal trainingElapsedShare,
      RiskThresholds t) {
    return acquiredShare.add(t.readinessTolerance()).compareTo(trainingElapsedShare) < 0;
  }

  /**
   * The share of competencies acquired, 4 decimals (0 without competencies).
   *
   * @param progress each competency's progress
   * @return the share acquired
   */
  public static java.math.BigDecimal acquiredShare(
      List<org.tremplin.api.evidence.CompetencyProgress> progress) {
    return share(
        progress.stream()
            .filter(p -> p.status() == org.tremplin.api.evidence.CompetencyStatus.ACQUIRED)
            .count(),
        progress.size());
  }

  /**
   * The share of the training phases' working days elapsed on a day (up to it, included), 4
   * decimals (0 without training phases).
   *
   * @param calendar the cohort's calendar
   * @param on the day
   * @return the share elapsed
   */
  public static java.math.BigDecimal trainingElapsedShare(
      org.tremplin.api.calendar.CohortCalendar calendar, LocalDate on) {
    long trainingDays = 0;
    long trainingElapsed = 0;
    for (org.tremplin.api.calendar.PhaseSpan p : calendar.phases()) {
      if (TRAINING.contains(p.kind())) {
        trainingDays += p.workingDays();
        if (!on.isBefore(p.range().first())) {
          LocalDate last = p.range().last().isBefore(on) ? p.range().last() : on;
          trainingElapsed +=
              calendar
                  .workingDaysIn(new org.tremplin.api.calendar.DateRange(p.range().first(), last))
                  .size();
        }
      }
    }
    return share(trainingElapsed, trainingDays);
  }

  /**
   * Whether a day falls in one of the training phases.
   *
   * @param calendar the cohort's calendar
   * @param on the day
   * @return whether it is a training day's phase
   */
  public static boolean inTraining(
      org.tremplin.api.calendar.CohortCalendar calendar, LocalDate on) {
    return calendar.phases().stream()
        .anyMatch(p -> TRAINING.contains(p.kind()) && p.range().contains(on));
  }

  private static java.math.BigDecimal share(long part, long whole) {
    if (whole == 0) {
      return java.math.BigDecimal.ZERO;
    }
    return java.math.BigDecimal.valueOf(part)
        .divide(java.math.BigDecimal.valueOf(whole), 4, java.math.RoundingMode.HALF_UP);
  }

  /**
   * The attendance rate the signals use: attended over recorded half-days, so that half-days not
   * recorded yet (a sheet filled late) raise nothing; 1 when nothing is recorded.
   *
   * @param r the r
   * @return the attendance rate the signals use: attended over recorded half-days, so that
   *     half-days not recorded yet (a sheet filled late) raise nothing; 1 when nothing is recorded
   */
  public static java.math.BigDecimal recordedRate(org.tremplin.api.attendance.AttendanceRates r) {
    int recorded = r.attended() + r.justifiedAbsences() + r.unjustifiedAbsences();
    if (recorded == 0) {
      return java.math.BigDecimal.ONE;
    }
    return java.math.BigDecimal.valueOf(r.attended())
        .divide(java.math.BigDecimal.valueOf(recorded), 4, java.math.RoundingMode.HALF_UP);
  }

  /**
   * The attendance signals alone (unjustified absences, low attendance), as evaluated right after
   * attendance is recorded.
   *
   * @param unjustifiedAbsences the unjustified absences
   * @param attendanceRate the attendance rate
   * @param plannedHalfDaysInWindow the planned half days in window
   * @param on the day it is evaluated on
   * @param t the t
   * @return the attendance signals alone (unjustified absences, low attendance), as evaluated right
   *     after attendance is recorded
   */
  public static List<RiskSignal> attendanceSignals(
      List<HalfDay> unjustifiedAbsences,
      java.math.BigDecimal attendanceRate,
      int plannedHalfDaysInWindow,
      LocalDate on,
      RiskThresholds t) {
    List<RiskSignal> signals = new ArrayList<>();
    LocalDate windowStart = on.minusDays(t.unjustifiedWindowDays() - 1L);
    List<HalfDay> recent =
        unjustifiedAbsences.stream()
            .filter(h -> !h.date().isBefore(windowStart) && !h.date().isAfter(on))
            .sorted()
            .toList();
    if (recent.size() >= t.unjustifiedHalfDays()) {
      signals.add(new RiskSignal.UnjustifiedAbsences(recent, t.unjustifiedWindowDays()));
    }
    if (plannedHalfDaysInWindow > 0 && attendanceRate.compareTo(t.minAttendanceRate()) < 0) {
      signals.add(
          new RiskSignal.LowAttendance(
              attendanceRate,
              t.minAttendanceRate(),
              t.attendanceWindowDays(),
              on.minusDays(t.attendanceWindowDays() - 1L)));
    }
    return signals;
  }

  private static Optional<RiskSignal> ending(
      String what, Optional<LocalDate> end, LocalDate on, RiskThresholds t) {
    if (end.isEmpty()) {
      return Optional.empty();
    }
    long left = ChronoUnit.DAYS.between(on, end.get());
    if (left < 0 || left > t.endingWithinDays()) {
      return Optional.empty();
    }
    return Optional.of(new RiskSignal.EndingWithoutExitPlan(what, end.get(), left));
  }

  record Defaults(
      String description,
      int unjustifiedHalfDays,
      int unjustifiedWindowDays,
      java.math.BigDecimal minAttendanceRate,
      int attendanceWindowDays,
      int maxDaysWithoutMeeting,
      int missedMeetings,
      int maxDaysWithoutProgress,
      int endingWithinDays,
      java.math.BigDecimal readinessTolerance) {
    RiskThresholds thresholds() {
      return new RiskThresholds(
          unjustifiedHalfDays,
          unjustifiedWindowDays,
          minAttendanceRate,
          attendanceWindowDays,
          maxDaysWithoutMeeting,
          missedMeetings,
          maxDaysWithoutProgress,
          endingWithinDays,
          readinessTolerance);
    }
  }
}

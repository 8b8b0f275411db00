package org.tremplin.core.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.alert.LearnerSituation;
import org.tremplin.api.alert.RiskThresholds;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.AttendanceService;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.coaching.ActionStatus;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.CoachingService;
import org.tremplin.api.coaching.MeetingStatus;
import org.tremplin.api.coaching.ObjectiveFocus;
import org.tremplin.api.coaching.ReferentAssignment;
import org.tremplin.api.coaching.ReferentService;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.CompetencyProgress;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceService;
import org.tremplin.api.insertion.InsertionPathService;
import org.tremplin.core.cohort.CohortRegistry;

/**
 * Gathers what the risk rules look at for one learner on one day, from attendance, coaching,
 * evidence and the insertion path. It reads as the system ({@value #SYSTEM_ID}, a manager of the
 * learner's school), so its reads appear in the audit trail under that id. Thread-safe.
 */
final class SituationGatherer {
  /** The actor id the nightly and event-driven evaluations read as. */
  static final String SYSTEM_ID = "system:alerts";

  private final CohortRegistry cohorts;
  private final AttendanceService attendance;
  private final EvidenceService evidence;
  private final CoachingService coaching;
  private final InsertionPathService insertion;
  private final ReferentService referents;

  SituationGatherer(
      CohortRegistry cohorts,
      AttendanceService attendance,
      EvidenceService evidence,
      CoachingService coaching,
      InsertionPathService insertion,
      ReferentService referents) {
    this.cohorts = cohorts;
    this.attendance = attendance;
    this.evidence = evidence;
    this.coaching = coaching;
    this.insertion = insertion;
    this.referents = referents;
  }

  static Actor system(Cohort cohort) {
    return Actor.of(SYSTEM_ID, Role.MANAGER, new Scope.OfSchool(cohort.school()));
  }

  LearnerSituation gather(Cohort cohort, LearnerId learner, LocalDate on, RiskThresholds t) {
    Actor system = system(cohort);
    CohortCalendar calendar = cohorts.calendarOf(cohort.id());
    int window = Math.max(t.unjustifiedWindowDays(), t.attendanceWindowDays());
    DateRange recent = new DateRange(on.minusDays(window - 1L), on);
    List<HalfDay> unjustified =
        attendance.current(system, cohort.id(), recent).stream()
            .filter(r -> r.learner().equals(learner))
            .filter(r -> r.mark().mark() == Mark.ABSENT_UNJUSTIFIED)
            .map(AttendanceRecord::halfDay)
            .toList();
    AttendanceRates rates =
        attendance.learnerRates(
            system,
            cohort.id(),
            learner,
            new DateRange(on.minusDays(t.attendanceWindowDays() - 1L), on));

    List<CoachingMeeting> meetings = coaching.meetings(system, cohort.id(), learner);
    java.time.LocalDateTime endOfDay = on.plusDays(1).atStartOfDay();
    java.time.LocalDateTime lastHeldAt =
        meetings.stream()
            .filter(m -> m.status() instanceof MeetingStatus.Held)
            .map(CoachingMeeting::plannedAt)
            .filter(at -> at.isBefore(endOfDay))
            .max(Comparator.naturalOrder())
            .orElse(null);
    LocalDate lastHeld = lastHeldAt == null ? null : lastHeldAt.toLocalDate();
    int missed =
        (int)
            meetings.stream()
                .filter(m -> m.status() instanceof MeetingStatus.Missed)
                .map(CoachingMeeting::plannedAt)
                .filter(
                    at -> at.isBefore(endOfDay) && (lastHeldAt == null || at.isAfter(lastHeldAt)))
                .count();
    LocalDate coachedSince =
        referents.history(system, learner).stream()
            .map(ReferentAssignment::since)
            .reduce((a, b) -> b)
            .orElse(cohort.range().first());

    LocalDate lastProgress =
        evidence.evidence(system, cohort.id(), learner).stream()
            .filter(e -> e.result() != AssessmentResult.NOT_ACQUIRED)
            .map(Evidence::assessedOn)
            .filter(d -> !d.isAfter(on))
            .max(Comparator.naturalOrder())
            .orElse(null);
    List<CompetencyProgress> progress = evidence.progress(system, cohort.id(), learner);
    BigDecimal acquired = RiskRules.acquiredShare(progress);
    boolean inTraining = RiskRules.inTraining(calendar, on);
    LocalDate trainingStart = cohort.range().first();

    boolean exitPlan =
        coaching.actionPlan(system, cohort.id(), learner).objectives().stream()
            .filter(o -> o.focus() instanceof ObjectiveFocus.CareerProject)
            .anyMatch(
                o -> o.actions().stream().anyMatch(a -> a.status() != ActionStatus.CANCELLED));

    return new LearnerSituation(
        learner,
        on,
        unjustified,
        RiskRules.recordedRate(rates),
        rates.planned(),
        lastHeld,
        coachedSince,
        missed,
        inTraining,
        lastProgress,
        trainingStart,
        insertion
            .contract(system, cohort.id(), learner, on)
            .map(c -> c.assessment().end())
            .orElse(null),
        insertion.pass(system, cohort.id(), learner, on).map(p -> p.status().end()).orElse(null),
        exitPlan,
        acquired,
        RiskRules.trainingElapsedShare(calendar, on));
  }
}

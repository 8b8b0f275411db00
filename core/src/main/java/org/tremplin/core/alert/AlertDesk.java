package org.tremplin.core.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.alert.Alert;
import org.tremplin.api.alert.AlertService;
import org.tremplin.api.alert.AlertStatus;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.alert.RiskThresholds;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.AttendanceService;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.coaching.CoachingService;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.event.AttendanceRecorded;
import org.tremplin.api.event.EventConsumer;
import org.tremplin.api.event.EventEnvelope;
import org.tremplin.api.event.MeetingRecorded;
import org.tremplin.api.evidence.EvidenceService;
import org.tremplin.api.insertion.InsertionPathService;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.core.attendance.RateRule;
import org.tremplin.core.coaching.ReferentRegistry;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.privacy.PrivacyOffice;

/**
 * Raises alerts once per ongoing situation (a signal whose situation key already has an unresolved
 * alert for the learner is not raised again), and lets the referent coach or a manager acknowledge
 * and resolve them. Alerts are insertion data: reads and changes are audited. As the outbox
 * consumer {@value #CONSUMER}, it raises the alerts a recorded change calls for. Thread-safe.
 */
public final class AlertDesk implements AlertService, EventConsumer {
  /** Its name as an event consumer. */
  public static final String CONSUMER = "core.alerts";

  private final Database database;
  private final Alerts alerts;
  private final CohortRegistry cohorts;
  private final ReferentRegistry referents;
  private final PrivacyOffice privacy;
  private final AccessRules access;
  private final Clock clock;
  private final RiskThresholds defaults = RiskRules.defaults();
  private final LearnerRegistry learners;
  private final AttendanceService attendance;
  private final SituationGatherer gatherer;

  /**
   * A desk on its store.
   *
   * @param database the database (unit of work)
   * @param alerts the alerts
   * @param cohorts the cohorts
   * @param referents the referents
   * @param privacy the privacy
   * @param access the access rules every call is checked against
   * @param clock the clock read for "now"
   * @param learners the learners
   * @param attendance the attendance
   * @param evidence the evidence
   * @param coaching the coaching
   * @param insertion the insertion
   */
  public AlertDesk(
      Database database,
      Alerts alerts,
      CohortRegistry cohorts,
      ReferentRegistry referents,
      PrivacyOffice privacy,
      AccessRules access,
      Clock clock,
      LearnerRegistry learners,
      AttendanceService attendance,
      EvidenceService evidence,
      CoachingService coaching,
      InsertionPathService insertion) {
    this.attendance = attendance;
    this.learners = learners;
    this.gatherer =
        new SituationGatherer(cohorts, attendance, evidence, coaching, insertion, referents);
    this.database = database;
    this.alerts = alerts;
    this.cohorts = cohorts;
    this.referents = referents;
    this.privacy = privacy;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public RiskThresholds thresholds(Actor actor, SchoolId school) {
    TremplinException.required(school, "school");
    access.check(actor, Operation.COHORT_READ, new Target.OfSchool(school));
    return thresholdsOf(school);
  }

  /**
   * The school's thresholds without an access check (for the nightly evaluation).
   *
   * @param school the school
   * @return the school's thresholds without an access check (for the nightly evaluation)
   */
  public RiskThresholds thresholdsOf(SchoolId school) {
    return database
        .read(h -> alerts.thresholds(school))
        .map(SignalCodec::readThresholds)
        .orElse(defaults);
  }

  @Override
  public void setThresholds(Actor actor, SchoolId school, RiskThresholds thresholds) {
    TremplinException.required(school, "school");
    TremplinException.required(thresholds, "thresholds");
    access.check(actor, Operation.PROGRAMME_WRITE, new Target.OfSchool(school));
    database.inTransaction(
        h -> {
          alerts.putThresholds(school, SignalCodec.write(thresholds), actor.id(), clock.instant());
          return null;
        });
  }

  @Override
  public List<Alert> raise(
      Actor actor, CohortId cohortId, LearnerId learner, List<RiskSignal> signals, LocalDate on) {
    TremplinException.required(signals, "signals");
    TremplinException.required(on, "on");
    Cohort cohort = check(actor, Operation.INSERTION_WRITE, cohortId, learner);
    return raiseUnchecked(actor, cohort, learner, signals, on);
  }

  private List<Alert> raiseUnchecked(
      Actor actor, Cohort cohort, LearnerId learner, List<RiskSignal> signals, LocalDate on) {
    return database.inTransaction(
        h -> {
          Set<String> ongoing = new HashSet<>();
          alerts.unresolved(learner).forEach(a -> ongoing.add(a.signal().situation()));
          List<Alert> raised = new ArrayList<>();
          for (RiskSignal s : signals) {
            if (ongoing.add(TremplinException.required(s, "signal").situation())) {
              Alert a =
                  new Alert(
                      UUID.randomUUID(),
                      cohort.id(),
                      learner,
                      s,
                      on,
                      AlertStatus.RAISED,
                      "",
                      clock.instant());
              alerts.insert(a);
              raised.add(a);
            }
          }
          if (!raised.isEmpty()) {
            privacy.audit(actor, AuditAction.CHANGE, learner, "insertion.alert");
          }
          return raised;
        });
  }

  @Override
  public List<Alert> evaluate(Actor actor, CohortId cohortId, LearnerId learner, LocalDate on) {
    TremplinException.required(on, "on");
    Cohort cohort = check(actor, Operation.INSERTION_WRITE, cohortId, learner);
    learners.enrolmentOf(cohortId, learner);
    return evaluateUnchecked(actor, cohort, learner, on);
  }

  @Override
  public List<Alert> evaluateCohort(Actor actor, CohortId cohortId, LocalDate on) {
    TremplinException.required(on, "on");
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, Operation.INSERTION_WRITE, CohortRegistry.target(cohort));
    List<Alert> raised = new ArrayList<>();
    for (var e : learners.enrolmentsOf(cohortId)) {
      if (e.enrolledOn(on, cohort.range().last())) {
        raised.addAll(evaluateUnchecked(actor, cohort, e.learner(), on));
      }
    }
    return raised;
  }

  @Override
  public String name() {
    return CONSUMER;
  }

  /**
   * Reacts to a stored event as {@code system:alerts}, on the day it occurred (in the clock's
   * zone): after attendance is recorded, the attendance signals of the learners concerned; after a
   * meeting's outcome, every signal of that learner. Raises what is new only, so a repeated
   * delivery raises nothing more (idempotent). Other events are ignored.
   */
  @Override
  public void accept(EventEnvelope envelope) {
    LocalDate on = LocalDate.ofInstant(envelope.occurredAt(), clock.getZone());
    if (envelope.event() instanceof AttendanceRecorded a) {
      attendanceChanged(a.cohort(), a.learners(), on);
    } else if (envelope.event() instanceof MeetingRecorded m) {
      Cohort cohort = cohorts.cohort(m.cohort());
      evaluateUnchecked(SituationGatherer.system(cohort), cohort, m.learner(), on);
    }
  }

  private void attendanceChanged(CohortId cohortId, Set<LearnerId> touched, LocalDate on) {
    Cohort cohort = cohorts.cohort(cohortId);
    if (on.isBefore(cohort.range().first())) {
      return;
    }
    RiskThresholds t = thresholdsOf(cohort.school());
    int window = Math.max(t.unjustifiedWindowDays(), t.attendanceWindowDays());
    DateRange recent = new DateRange(on.minusDays(window - 1L), on);
    DateRange rateWindow = new DateRange(on.minusDays(t.attendanceWindowDays() - 1L), on);
    Actor system = SituationGatherer.system(cohort);
    Map<LearnerId, List<AttendanceRecord>> byLearner = new HashMap<>();
    for (AttendanceRecord r : attendance.current(system, cohortId, recent)) {
      if (touched.contains(r.learner())) {
        byLearner.computeIfAbsent(r.learner(), k -> new ArrayList<>()).add(r);
      }
    }
    CohortCalendar calendar = cohorts.calendarOf(cohortId);
    for (Enrolment e : learners.enrolmentsOf(cohortId)) {
      if (!touched.contains(e.learner())) {
        continue;
      }
      List<AttendanceRecord> records = byLearner.getOrDefault(e.learner(), List.of());
      List<HalfDay> unjustified =
          records.stream()
              .filter(r -> r.mark().mark() == Mark.ABSENT_UNJUSTIFIED)
              .map(AttendanceRecord::halfDay)
              .toList();
      AttendanceRates rates =
          RateRule.rates(calendar, rateWindow, e.periods(cohort.range().last()), records);
      List<RiskSignal> signals =
          RiskRules.attendanceSignals(
              unjustified, RiskRules.recordedRate(rates), rates.planned(), on, t);
      if (!signals.isEmpty()) {
        raiseUnchecked(system, cohort, e.learner(), signals, on);
      }
    }
  }

  private List<Alert> evaluateUnchecked(
      Actor actor, Cohort cohort, LearnerId learner, LocalDate on) {
    RiskThresholds thresholds = thresholdsOf(cohort.school());
    List<RiskSignal> signals =
        RiskRules.evaluate(gatherer.gather(cohort, learner, on, thresholds), thresholds);
    return raiseUnchecked(actor, cohort, learner, signals, on);
  }

  @Override
  public List<Alert> open(Actor actor, CohortId cohortId, LearnerId learner) {
    check(actor, Operation.INSERTION_READ, cohortId, learner);
    return database.inTransaction(
        h -> {
          privacy.audit(actor, AuditAction.READ, learner, "insertion.alert");
          return alerts.unresolved(learner).stream()
              .filter(a -> a.cohort().equals(cohortId))
              .toList();
        });
  }

  @Override
  public Alert acknowledge(Actor actor, UUID alert) {
    return change(actor, alert, AlertStatus.ACKNOWLEDGED);
  }

  @Override
  public Alert resolve(Actor actor, UUID alert) {
    return change(actor, alert, AlertStatus.RESOLVED);
  }

  private Alert change(Actor actor, UUID id, AlertStatus status) {
    TremplinException.required(id, "alert");
    Alert a =
        database
            .read(h -> alerts.find(id))
            .orElseThrow(
                () -> new TremplinException(ErrorCode.ALERT_NOT_FOUND, "no alert with id " + id));
    check(actor, Operation.INSERTION_WRITE, a.cohort(), a.learner());
    if (a.status() == AlertStatus.RESOLVED) {
      throw new TremplinException(ErrorCode.ALERT_ALREADY_RESOLVED, "alert " + id + " is resolved");
    }
    return database.inTransaction(
        h -> {
          alerts.changeStatus(id, status, actor.id(), clock.instant());
          privacy.audit(actor, AuditAction.CHANGE, a.learner(), "insertion.alert");
          return alerts.find(id).orElseThrow();
        });
  }

  private Cohort check(Actor actor, Operation op, CohortId cohortId, LearnerId learner) {
    TremplinException.required(learner, "learner");
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(
        actor,
        op,
        new Target.OfLearner(
            cohort.school(), cohort.id(), learner, referents.referentOf(learner).orElse("")));
    return cohort;
  }
}

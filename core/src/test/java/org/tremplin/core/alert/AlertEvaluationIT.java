package org.tremplin.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.alert.Alert;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** Alerts computed from the stored data on a given day (the fixture's clock: 9 January 2026). */
class AlertEvaluationIT {
  private static final LocalDate ON = LocalDate.of(2026, 1, 9);

  /** Learner 0 skips three half-days this week; learner 1 attends, meets the coach, progresses. */
  private static CohortFixture week(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    var a = f.learner(0).id();
    var b = f.learner(1).id();
    f.tremplin.referents().assign(f.manager, a, "coach-1", LocalDate.of(2025, 9, 1));
    f.tremplin.referents().assign(f.manager, b, "coach-1", LocalDate.of(2025, 9, 1));
    List<AttendanceEntry> entries = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2026, 1, 5); !d.isAfter(ON); d = d.plusDays(1)) {
      entries.add(new AttendanceEntry(b, HalfDay.am(d), AttendanceMark.of(Mark.PRESENT)));
      entries.add(new AttendanceEntry(b, HalfDay.pm(d), AttendanceMark.of(Mark.PRESENT)));
      int day = d.getDayOfMonth();
      Mark mark = day >= 6 && day <= 8 ? Mark.ABSENT_UNJUSTIFIED : Mark.PRESENT;
      entries.add(new AttendanceEntry(a, HalfDay.am(d), AttendanceMark.of(mark)));
    }
    f.tremplin.attendance().recordAll(f.trainer, f.cohort.id(), entries);
    f.tremplin
        .evidence()
        .record(
            f.trainer,
            f.cohort.id(),
            new NewEvidence(
                b,
                new EvidenceTarget.OnCompetency("CP1"),
                EvidenceSource.TRAINER_ASSESSMENT,
                AssessmentResult.ACQUIRED,
                "Mme Durand",
                ON.minusDays(2),
                ""));
    var m =
        f.tremplin
            .coaching()
            .planMeeting(f.coach, f.cohort.id(), b, LocalDateTime.of(2026, 1, 8, 14, 0), "");
    f.tremplin
        .coaching()
        .recordOutcome(f.coach, f.cohort.id(), b, m.id(), new MeetingOutcome.Held("bilan", ""));
    f.tremplin.relay().deliverDue(); // the alert desk reacts to the stored events
    return f;
  }

  private static List<String> kinds(List<Alert> alerts) {
    return alerts.stream().map(a -> a.signal().getClass().getSimpleName()).toList();
  }

  @AllDatabases
  void theStoredDataRaisesTheSignalsOfEachLearnersSituation(TestDatabase db) {
    CohortFixture f = week(db);

    f.tremplin.alerts().evaluate(f.coach, f.cohort.id(), f.learner(0).id(), ON);
    f.tremplin.alerts().evaluate(f.coach, f.cohort.id(), f.learner(1).id(), ON);
    List<Alert> a = f.tremplin.alerts().open(f.coach, f.cohort.id(), f.learner(0).id());
    List<Alert> b = f.tremplin.alerts().open(f.coach, f.cohort.id(), f.learner(1).id());

    assertThat(kinds(a)).contains("UnjustifiedAbsences", "NoCoachingMeeting");
    assertThat(
            a.stream().map(Alert::signal).filter(s -> s instanceof RiskSignal.UnjustifiedAbsences))
        .singleElement()
        .satisfies(
            s ->
                assertThat(((RiskSignal.UnjustifiedAbsences) s).halfDays())
                    .containsExactly(
                        HalfDay.am(LocalDate.of(2026, 1, 6)),
                        HalfDay.am(LocalDate.of(2026, 1, 7)),
                        HalfDay.am(LocalDate.of(2026, 1, 8))));
    assertThat(kinds(b))
        .doesNotContain("UnjustifiedAbsences", "NoCoachingMeeting", "NoCompetencyProgress");
  }

  @AllDatabases
  void runningTheEvaluationAgainTheSameDayRaisesNothingNew(TestDatabase db) {
    CohortFixture f = week(db);

    int before = f.rows("tremplin_alert");
    List<Alert> first = f.tremplin.alerts().evaluateCohort(f.manager, f.cohort.id(), ON);
    List<Alert> second = f.tremplin.alerts().evaluateCohort(f.manager, f.cohort.id(), ON);

    assertThat(first).isNotEmpty();
    assertThat(second).isEmpty();
    assertThat(f.rows("tremplin_alert")).isEqualTo(before + first.size());
  }

  @AllDatabases
  void onlyManagersEvaluateAWholeCohortAndCoachesTheirCaseload(TestDatabase db) {
    CohortFixture f = week(db);
    int before = f.rows("tremplin_alert");

    assertThatThrownBy(() -> f.tremplin.alerts().evaluateCohort(f.coach, f.cohort.id(), ON))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(
            () -> f.tremplin.alerts().evaluate(f.trainer, f.cohort.id(), f.learner(0).id(), ON))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThat(f.rows("tremplin_alert")).isEqualTo(before);
  }

  @AllDatabases
  void recordingAttendanceRaisesTheAttendanceAlertsWithoutAnyoneAsking(TestDatabase db) {
    CohortFixture f = week(db);
    var a = f.learner(0).id();

    var open = f.tremplin.alerts().open(f.coach, f.cohort.id(), a);

    // 3 unjustified half-days this week; 2 of the 5 recorded half-days attended (40 %).
    assertThat(kinds(open)).containsExactlyInAnyOrder("UnjustifiedAbsences", "LowAttendance");
    assertThat(open)
        .extracting(x -> x.signal().situation())
        .contains("UNJUSTIFIED_ABSENCES:2026-01-06 AM");
    assertThat(kinds(f.tremplin.alerts().open(f.coach, f.cohort.id(), f.learner(1).id())))
        .doesNotContain("UnjustifiedAbsences", "LowAttendance");
  }

  @AllDatabases
  void aMissedMeetingRaisesTheLearnersAlertsAsItIsRecorded(TestDatabase db) {
    CohortFixture f = week(db);
    var b = f.learner(1).id();
    for (int day = 5; day <= 6; day++) {
      var m =
          f.tremplin
              .coaching()
              .planMeeting(
                  f.coach, f.cohort.id(), b, LocalDateTime.of(2026, 1, 8 + day - 5, 16, 0), "");
      f.tremplin
          .coaching()
          .recordOutcome(
              f.coach,
              f.cohort.id(),
              b,
              m.id(),
              new MeetingOutcome.Missed(org.tremplin.api.coaching.MissedBy.LEARNER, "absent"));
    }

    f.tremplin.relay().deliverDue();

    assertThat(kinds(f.tremplin.alerts().open(f.coach, f.cohort.id(), b)))
        .contains("MissedMeetings");
  }

  @AllDatabases
  void attendanceAlertsAreRaisedOnceWhenTheOutboxIsDrained(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var a = f.learner(0).id();
    f.tremplin.referents().assign(f.manager, a, "coach-1", LocalDate.of(2025, 9, 1));
    List<AttendanceEntry> entries = new ArrayList<>();
    for (int day = 5; day <= 9; day++) {
      Mark mark = day <= 7 ? Mark.ABSENT_UNJUSTIFIED : Mark.PRESENT;
      entries.add(
          new AttendanceEntry(a, HalfDay.am(LocalDate.of(2026, 1, day)), AttendanceMark.of(mark)));
    }
    f.tremplin.attendance().recordAll(f.trainer, f.cohort.id(), entries);

    assertThat(f.tremplin.alerts().open(f.coach, f.cohort.id(), a)).isEmpty();
    assertThat(f.rows("tremplin_event")).isEqualTo(1);
    assertThat(f.tremplin.relay().deliverDue()).isOne();
    int raised = f.rows("tremplin_alert");
    assertThat(f.tremplin.relay().deliverDue()).isZero();

    assertThat(kinds(f.tremplin.alerts().open(f.coach, f.cohort.id(), a)))
        .contains("UnjustifiedAbsences");
    assertThat(f.rows("tremplin_alert")).isEqualTo(raised);
  }
}

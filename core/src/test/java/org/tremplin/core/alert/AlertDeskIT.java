package org.tremplin.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.alert.Alert;
import org.tremplin.api.alert.AlertStatus;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.alert.RiskThresholds;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class AlertDeskIT {
  private static final LocalDate ON = LocalDate.of(2026, 1, 9);
  private static final RiskSignal ABSENCES =
      new RiskSignal.UnjustifiedAbsences(
          List.of(
              HalfDay.am(LocalDate.of(2026, 1, 5)),
              HalfDay.pm(LocalDate.of(2026, 1, 6)),
              HalfDay.am(ON)),
          10);
  private static final RiskSignal LOW =
      new RiskSignal.LowAttendance(
          new BigDecimal("0.7500"), new BigDecimal("0.80"), 28, LocalDate.of(2025, 12, 13));

  private static CohortFixture withReferent(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    f.tremplin
        .referents()
        .assign(f.manager, f.learner(0).id(), "coach-1", LocalDate.of(2025, 9, 1));
    return f;
  }

  @AllDatabases
  void anOngoingSituationIsAlertedOnceWithItsEvidence(TestDatabase db) {
    CohortFixture f = withReferent(db);
    var desk = f.tremplin.alerts();
    var l = f.learner(0).id();

    List<Alert> first = desk.raise(f.coach, f.cohort.id(), l, List.of(ABSENCES, LOW), ON);
    List<Alert> again =
        desk.raise(f.coach, f.cohort.id(), l, List.of(ABSENCES, LOW), ON.plusDays(1));

    assertThat(first).hasSize(2);
    assertThat(again).isEmpty();
    assertThat(desk.open(f.coach, f.cohort.id(), l))
        .extracting(Alert::signal)
        .containsExactlyInAnyOrder(ABSENCES, LOW);
    assertThat(f.rows("tremplin_alert")).isEqualTo(2);
  }

  @AllDatabases
  void aResolvedSituationIsAlertedAgainWhenItComesBack(TestDatabase db) {
    CohortFixture f = withReferent(db);
    var desk = f.tremplin.alerts();
    var l = f.learner(0).id();
    Alert a = desk.raise(f.coach, f.cohort.id(), l, List.of(LOW), ON).get(0);

    assertThat(desk.acknowledge(f.coach, a.id()).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(desk.raise(f.coach, f.cohort.id(), l, List.of(LOW), ON)).isEmpty();
    Alert resolved = desk.resolve(f.manager, a.id());
    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.changedBy()).isEqualTo("manager-1");
    assertThatThrownBy(() -> desk.resolve(f.coach, a.id()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ALERT_ALREADY_RESOLVED);
    assertThat(desk.raise(f.coach, f.cohort.id(), l, List.of(LOW), ON.plusDays(30))).hasSize(1);
  }

  @AllDatabases
  void onlyTheReferentCoachAndManagersSeeAndHandleALearnersAlerts(TestDatabase db) {
    CohortFixture f = withReferent(db);
    var desk = f.tremplin.alerts();
    Actor otherCoach = Actor.of("coach-2", Role.COACH, new Scope.OfSchool(f.school.id()));
    var l = f.learner(0).id();

    assertThatThrownBy(() -> desk.raise(otherCoach, f.cohort.id(), l, List.of(LOW), ON))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(() -> desk.open(f.trainer, f.cohort.id(), l))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(
            () -> desk.raise(f.coach, f.cohort.id(), f.learner(1).id(), List.of(LOW), ON))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThat(f.rows("tremplin_alert")).isZero();
    assertThat(desk.raise(f.manager, f.cohort.id(), f.learner(1).id(), List.of(LOW), ON))
        .hasSize(1);
  }

  @AllDatabases
  void aSchoolMaySetItsOwnThresholds(TestDatabase db) {
    CohortFixture f = withReferent(db);
    var desk = f.tremplin.alerts();
    RiskThresholds strict =
        new RiskThresholds(
            2, 10, new BigDecimal("0.90"), 28, 21, 1, 21, 60, new BigDecimal("0.10"));

    assertThat(desk.thresholds(f.coach, f.school.id())).isEqualTo(RiskRules.defaults());
    assertThatThrownBy(() -> desk.setThresholds(f.coach, f.school.id(), strict))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    desk.setThresholds(f.manager, f.school.id(), strict);
    desk.setThresholds(f.manager, f.school.id(), strict);

    assertThat(desk.thresholds(f.coach, f.school.id())).isEqualTo(strict);
  }
}

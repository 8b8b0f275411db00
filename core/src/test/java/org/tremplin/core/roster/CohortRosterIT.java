package org.tremplin.core.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.roster.RosterLine;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The roster read on H2 and PostgreSQL: a trainer of the cohort sees each learner's enrolment, the
 * attendance of the four weeks before the day, the contract's current end and the count of open
 * alerts of this cohort only; a trainer of another cohort and a learner are refused.
 */
class CohortRosterIT {
  private static final LocalDate ON = LocalDate.of(2026, 1, 9);

  @AllDatabases
  void aTrainerSeesRecentAttendanceContractEndAndOpenAlertsWithoutTheInsertionPath(
      TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 3);
    var t = f.tremplin;
    // four weeks before 9 Jan 2026: 12 Dec – 8 Jan, minus the Christmas closure and 1 Jan
    List<AttendanceEntry> entries = new ArrayList<>();
    for (LocalDate day :
        t.cohorts()
            .calendar(f.manager, f.cohort.id())
            .workingDaysIn(new DateRange(ON.minusWeeks(4), ON.minusDays(1)))) {
      for (HalfDay half : List.of(HalfDay.am(day), HalfDay.pm(day))) {
        entries.add(new AttendanceEntry(f.learner(0).id(), half, AttendanceMark.of(Mark.PRESENT)));
        entries.add(
            new AttendanceEntry(
                f.learner(1).id(),
                half,
                AttendanceMark.of(
                    half.date().equals(ON.minusDays(1)) ? Mark.ABSENT_UNJUSTIFIED : Mark.PRESENT)));
      }
    }
    t.attendance().recordAll(f.trainer, f.cohort.id(), entries);
    t.insertion()
        .recordContract(
            f.manager,
            f.cohort.id(),
            f.learner(0).id(),
            new InsertionContract(
                StructureKind.ACI,
                CohortFixture.START,
                LocalDate.of(2026, 2, 28),
                35,
                List.of(
                    new ContractAmendment(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 8, 31), 35)),
                List.of(),
                ""));
    t.alerts()
        .raise(
            f.manager,
            f.cohort.id(),
            f.learner(1).id(),
            List.of(new RiskSignal.MissedMeetings(2), new RiskSignal.MissedMeetings(3)),
            ON);
    t.learners().leave(f.manager, f.cohort.id(), f.learner(2).id(), ON.minusWeeks(6), "moved");

    List<RosterLine> roster = t.roster().roster(f.trainer, f.cohort.id(), ON);

    assertThat(roster)
        .extracting(l -> l.learner().id())
        .containsExactly(f.learner(0).id(), f.learner(1).id(), f.learner(2).id());
    RosterLine first = roster.get(0);
    assertThat(first.contractEnd()).contains(LocalDate.of(2026, 8, 31));
    assertThat(first.openAlerts()).isZero();
    assertThat(first.recentAttendance().planned()).isEqualTo(entries.size() / 2);
    assertThat(first.recentAttendance().attendanceRate()).isEqualByComparingTo(BigDecimal.ONE);
    RosterLine second = roster.get(1);
    assertThat(second.contractEnd()).isEmpty();
    assertThat(second.recentAttendance().unjustifiedAbsences()).isEqualTo(2);
    assertThat(second.openAlerts()).isGreaterThanOrEqualTo(1);
    RosterLine left = roster.get(2);
    assertThat(left.enrolment().active()).isFalse();
    assertThat(left.recentAttendance().planned()).isZero();
  }

  @AllDatabases
  void aTrainerOfAnotherCohortAndALearnerMayNotReadTheRoster(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    Cohort other =
        f.tremplin
            .cohorts()
            .open(
                f.manager,
                new NewCohort(
                    f.school.id(),
                    "Promo voisine",
                    f.cohort.range(),
                    f.cohort.template(),
                    12,
                    List.of()));
    Actor stranger =
        Actor.of("trainer-2", Role.TRAINER, new Scope.OfCohort(f.school.id(), other.id()));

    for (Actor actor : List.of(stranger, f.asLearner(0))) {
      assertThatThrownBy(() -> f.tremplin.roster().roster(actor, f.cohort.id(), ON))
          .extracting(e -> ((TremplinException) e).code())
          .isEqualTo(ErrorCode.ACCESS_DENIED);
    }
    assertThat(f.tremplin.roster().roster(stranger, other.id(), ON)).isEmpty();
  }
}

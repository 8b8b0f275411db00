package org.tremplin.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.alert.Alert;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.alert.RiskThresholds;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.dashboard.CohortFigures;
import org.tremplin.api.dashboard.Ending;
import org.tremplin.api.dashboard.EndingKind;
import org.tremplin.api.dashboard.SchoolDashboard;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.Figure;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.alert.RiskRules;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The dashboard against a hand-computed cohort, on Friday 9 January 2026 (the fixture's clock).
 *
 * <p>Cohort of 12 places, 1 Sept 2025 – 30 June 2026, closed 22 Dec – 2 Jan: learners 0–4 join on 1
 * Sept; learner 4 leaves on 1 Dec (and exits with a CDI on 5 Jan 2026); a test account joins and is
 * never counted. Enrolled on 9 Jan: 0–3, fill 4/12.
 *
 * <p>The four weeks before (12 Dec – 8 Jan) have 10 working days (12, 15–19 Dec, 5–8 Jan), so 20
 * planned half-days for each of 0–3: 80. Marks: 0 present 5 Jan AM and PM and 6 Jan AM; 1
 * unjustified absence 5 Jan AM; 2 sick leave 5 Jan AM: 3 attended, 1 justified, 1 unjustified out
 * of 80. Since the start, learner 4's present mark of 6 Oct adds one attended half-day.
 *
 * <p>Alerts: learner 1 has two unresolved (missed meetings, no meeting), learner 2 one resolved: 2
 * open alerts, both learner 1's. Contracts: 0 ends 15 Feb 2026 (in 37 days: counted); 1 ended 31
 * Jan but was renewed to 30 June (not counted); 4 ends 20 Jan but left the cohort (not counted).
 * PASS IAE: 2 started 1 Feb 2024, 730 days (29 Feb 2024 among them), ends 30 Jan 2026 (counted); 3
 * started 20 Jan 2024, suspended 5 days and prolonged 10, ends 2 Feb 2026 (counted). Learner 0's
 * contract is suspended 2 days, which moves its cap, not its end.
 */
class DashboardDeskIT {
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 9);
  private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);

  private static final class Fixture {
    final CohortFixture f;
    final Learner testAccount;

    Fixture(TestDatabase db) {
      f = CohortFixture.on(db, 5, 12);
      var id = f.cohort.id();
      testAccount = f.newcomer("Test", "Compte");
      f.tremplin.learners().join(f.coach, id, testAccount.id(), CohortFixture.START);
      f.tremplin.funderFacts().markTestAccount(f.manager, id, testAccount.id(), true);
      f.tremplin
          .learners()
          .leave(f.manager, id, learner(4), LocalDate.of(2025, 12, 1), "moved away");
      f.tremplin
          .insertion()
          .recordExit(f.manager, id, learner(4), NewExit.of(JAN_5, ExitSituation.CDI));

      mark(0, HalfDay.am(JAN_5), Mark.PRESENT);
      mark(0, HalfDay.pm(JAN_5), Mark.PRESENT);
      mark(0, HalfDay.am(JAN_5.plusDays(1)), Mark.PRESENT);
      mark(1, HalfDay.am(JAN_5), Mark.ABSENT_UNJUSTIFIED);
      mark(2, HalfDay.am(JAN_5), Mark.SICK_LEAVE);
      mark(4, HalfDay.am(LocalDate.of(2025, 10, 6)), Mark.PRESENT);
      f.tremplin
          .attendance()
          .record(
              f.manager,
              id,
              new AttendanceEntry(
                  testAccount.id(), HalfDay.am(JAN_5), AttendanceMark.of(Mark.PRESENT)));

      f.tremplin
          .alerts()
          .raise(
              f.manager,
              id,
              learner(1),
              List.of(
                  new RiskSignal.MissedMeetings(2),
                  new RiskSignal.NoCoachingMeeting(LocalDate.of(2025, 11, 20), 50)),
              TODAY);
      List<Alert> resolved =
          f.tremplin
              .alerts()
              .raise(f.manager, id, learner(2), List.of(new RiskSignal.MissedMeetings(3)), TODAY);
      f.tremplin.alerts().resolve(f.manager, resolved.get(0).id());
      f.tremplin
          .alerts()
          .raise(f.manager, id, testAccount.id(), List.of(new RiskSignal.MissedMeetings(2)), TODAY);

      contract(0, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 2, 15));
      contract(1, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 31));
      f.tremplin
          .insertion()
          .renewContract(
              f.manager,
              id,
              learner(1),
              new ContractAmendment(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 6, 30), 35));
      contract(4, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 20));
      f.tremplin
          .insertion()
          .recordPass(
              f.manager,
              id,
              learner(2),
              new PassIae("99999 24 00002", LocalDate.of(2024, 2, 1), List.of(), List.of()));
      f.tremplin
          .insertion()
          .recordPass(
              f.manager,
              id,
              learner(3),
              new PassIae("99999 24 00003", LocalDate.of(2024, 1, 20), List.of(), List.of()));
      f.tremplin
          .insertion()
          .suspendPass(
              f.manager,
              id,
              learner(3),
              new Suspension(
                  new DateRange(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 7)), "maladie"));
      f.tremplin
          .insertion()
          .prolongPass(f.manager, id, learner(3), new PassProlongation(10, "formation"));
      f.tremplin
          .insertion()
          .suspendContract(
              f.manager,
              id,
              learner(0),
              new Suspension(
                  new DateRange(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 4)), "maladie"));
    }

    LearnerId learner(int n) {
      return f.learner(n).id();
    }

    CountedLearner counted(int n) {
      Learner l = f.learner(n);
      return new CountedLearner(f.cohort.id(), l.id(), l.givenName() + " " + l.familyName());
    }

    void mark(int n, HalfDay halfDay, Mark mark) {
      f.tremplin
          .attendance()
          .record(
              f.manager,
              f.cohort.id(),
              new AttendanceEntry(learner(n), halfDay, AttendanceMark.of(mark)));
    }

    void contract(int n, LocalDate start, LocalDate end) {
      f.tremplin
          .insertion()
          .recordContract(
              f.manager,
              f.cohort.id(),
              learner(n),
              new InsertionContract(StructureKind.ACI, start, end, 26, List.of(), List.of(), ""));
    }
  }

  @AllDatabases
  void aCohortsFiguresMatchTheHandComputedOnes(TestDatabase db) {
    Fixture x = new Fixture(db);
    CohortFigures figures = x.f.tremplin.dashboard().figures(x.f.manager, x.f.cohort.id());

    assertThat(figures.on()).isEqualTo(TODAY);
    assertThat(figures.enrolled().learners())
        .containsExactly(x.counted(0), x.counted(1), x.counted(2), x.counted(3));
    assertThat(figures.placesLeft()).isEqualTo(8);

    var recent = figures.recentAttendance().total();
    assertThat(recent.period())
        .isEqualTo(new DateRange(LocalDate.of(2025, 12, 12), TODAY.minusDays(1)));
    assertThat(recent.planned()).isEqualTo(80);
    assertThat(recent.attended()).isEqualTo(3);
    assertThat(recent.justifiedAbsences()).isEqualTo(1);
    assertThat(recent.unjustifiedAbsences()).isEqualTo(1);
    assertThat(figures.recentAttendance().learners())
        .extracting(l -> l.learner())
        .containsExactly(x.counted(0), x.counted(1), x.counted(2), x.counted(3));
    assertThat(figures.recentAttendance().learners().get(0).rates().attended()).isEqualTo(3);

    var since = figures.attendanceSinceStart().total();
    assertThat(since.attended()).isEqualTo(4);
    assertThat(figures.attendanceSinceStart().learners()).hasSize(5);
    DateRange sinceStart = new DateRange(CohortFixture.START, TODAY.minusDays(1));
    var engine = x.f.tremplin.attendance().cohortRates(x.f.manager, x.f.cohort.id(), sinceStart);
    // the engine counts the test account's present mark too: it is left out here
    var testAccount =
        x.f
            .tremplin
            .attendance()
            .learnerRates(x.f.manager, x.f.cohort.id(), x.testAccount.id(), sinceStart);
    assertThat(since.planned()).isEqualTo(engine.planned() - testAccount.planned());
    assertThat(since.attended()).isEqualTo(engine.attended() - 1);

    assertThat(figures.ready().count()).isZero();
    assertThat(figures.onTrack().count()).isZero();
    assertThat(figures.behind().learners())
        .containsExactly(x.counted(0), x.counted(1), x.counted(2), x.counted(3));

    assertThat(figures.openAlerts().learners()).containsExactly(x.counted(1), x.counted(1));

    assertThat(figures.endingSoon())
        .containsExactly(
            new Ending(x.counted(2), EndingKind.PASS_IAE, LocalDate.of(2026, 1, 30)),
            // 730 days from 20 Jan 2024 end on 18 Jan 2026; + 5 suspended + 10 prolonged
            new Ending(x.counted(3), EndingKind.PASS_IAE, LocalDate.of(2026, 2, 2)),
            new Ending(x.counted(0), EndingKind.CONTRACT, LocalDate.of(2026, 2, 15)));
  }

  @AllDatabases
  void correctionsCountByTheirNewestVersionAsTheEngineCountsThem(TestDatabase db) {
    Fixture x = new Fixture(db);
    var id = x.f.cohort.id();
    var attendance = x.f.tremplin.attendance();
    attendance.correct(
        x.f.manager,
        id,
        new AttendanceEntry(x.learner(1), HalfDay.am(JAN_5), AttendanceMark.of(Mark.PRESENT)),
        "signed late");
    attendance.correct(
        x.f.manager,
        id,
        new AttendanceEntry(x.learner(1), HalfDay.am(JAN_5), new AttendanceMark(Mark.LATE, 10)),
        "arrived at 9:10");
    attendance.correct(
        x.f.manager,
        id,
        new AttendanceEntry(
            x.learner(0), HalfDay.pm(JAN_5), AttendanceMark.of(Mark.ABSENT_JUSTIFIED)),
        "doctor");

    CohortFigures figures = x.f.tremplin.dashboard().figures(x.f.manager, id);

    var recent = figures.recentAttendance().total();
    assertThat(recent.planned()).isEqualTo(80);
    assertThat(recent.attended()).isEqualTo(3);
    assertThat(recent.justifiedAbsences()).isEqualTo(2);
    assertThat(recent.unjustifiedAbsences()).isZero();
    assertThat(recent.lateMinutes()).isEqualTo(10);
    for (var line : figures.recentAttendance().learners()) {
      assertThat(line.rates())
          .isEqualTo(
              attendance.learnerRates(x.f.manager, id, line.learner().learner(), recent.period()));
    }
    var since = figures.attendanceSinceStart();
    for (var line : since.learners()) {
      assertThat(line.rates())
          .isEqualTo(
              attendance.learnerRates(
                  x.f.manager, id, line.learner().learner(), since.total().period()));
    }
    assertThat(since.total().attended()).isEqualTo(4);
    assertThat(since.total().justifiedAbsences()).isEqualTo(2);
  }

  @AllDatabases
  void theSchoolsReadinessToleranceDecidesWhoIsOnTrack(TestDatabase db) {
    Fixture x = new Fixture(db);
    RiskThresholds lenient =
        new RiskThresholds(3, 10, new BigDecimal("0.80"), 28, 30, 2, 28, 45, BigDecimal.ONE);
    x.f.tremplin.alerts().setThresholds(x.f.manager, x.f.school.id(), lenient);

    CohortFigures figures = x.f.tremplin.dashboard().figures(x.f.manager, x.f.cohort.id());

    assertThat(figures.behind().count()).isZero();
    assertThat(figures.onTrack().learners())
        .containsExactly(x.counted(0), x.counted(1), x.counted(2), x.counted(3));
    assertThat(RiskRules.defaults().readinessTolerance()).isEqualByComparingTo("0.25");
  }

  @AllDatabases
  void theSchoolsExitsAreTheYearlyReviewsAgainstTheTargets(TestDatabase db) {
    Fixture x = new Fixture(db);
    Cohort old =
        x.f
            .tremplin
            .cohorts()
            .open(
                x.f.manager,
                new NewCohort(
                    x.f.school.id(),
                    "Promo 2024-2025",
                    new DateRange(LocalDate.of(2024, 9, 2), LocalDate.of(2025, 6, 30)),
                    x.f.tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref(),
                    12,
                    List.of()));

    SchoolDashboard dashboard = x.f.tremplin.dashboard().school(x.f.manager, x.f.school.id());

    assertThat(dashboard.cohorts())
        .extracting(c -> c.cohort().id())
        .containsExactly(x.f.cohort.id());
    assertThat(dashboard.cohorts()).extracting(c -> c.cohort().id()).doesNotContain(old.id());
    // the review's exits, without its monthly hours (the dashboard does not show them)
    assertThat(dashboard.exits())
        .usingRecursiveComparison()
        .ignoringFields("monthlyHours")
        .isEqualTo(x.f.tremplin.reports().yearlyReview(x.f.manager, x.f.school.id(), 2026));
    assertThat(dashboard.exits().monthlyHours()).allMatch(m -> m.learners().isEmpty());
    assertThat(dashboard.exits().exitsByCategory().get(ExitCategory.EMPLOI_DURABLE).learners())
        .containsExactly(x.counted(4));
    assertThat(dashboard.exits().durableExits().percent()).contains(new BigDecimal("100.0"));
    assertThat(dashboard.targets().dynamicPercent()).isEqualByComparingTo("60");
    assertThat(dashboard.targets().durablePercent()).isEqualByComparingTo("25");
  }

  @AllDatabases
  void onlyReportReadersOfTheSchoolSeeTheFigures(TestDatabase db) {
    Fixture x = new Fixture(db);
    School other =
        x.f.tremplin.schools().create(x.f.admin, "École du Web 93", Departement.of("93"));
    Actor otherManager = Actor.of("manager-93", Role.MANAGER, new Scope.OfSchool(other.id()));

    for (Actor denied : List.of(otherManager, x.f.trainer, x.f.coach, x.f.asLearner(0))) {
      assertThatThrownBy(() -> x.f.tremplin.dashboard().figures(denied, x.f.cohort.id()))
          .isInstanceOf(TremplinException.class)
          .extracting(e -> ((TremplinException) e).code())
          .isEqualTo(ErrorCode.ACCESS_DENIED);
      assertThatThrownBy(() -> x.f.tremplin.dashboard().school(denied, x.f.school.id()))
          .isInstanceOf(TremplinException.class)
          .extracting(e -> ((TremplinException) e).code())
          .isEqualTo(ErrorCode.ACCESS_DENIED);
    }
    Figure enrolled = x.f.tremplin.dashboard().figures(x.f.admin, x.f.cohort.id()).enrolled();
    assertThat(enrolled.count()).isEqualTo(4);
  }
}

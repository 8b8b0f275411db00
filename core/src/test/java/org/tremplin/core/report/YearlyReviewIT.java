package org.tremplin.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.MonthlyHours;
import org.tremplin.api.report.PathLength;
import org.tremplin.api.report.YearlyReview;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The school's yearly review against a hand-computed cohort of 10 (DOMAIN.md, Reports; Exits).
 *
 * <p>Fixture (school 92, cohort from 1 Sept 2025): learners 0–7 join on 1 Sept 2025, two newcomers
 * on 6 Oct 2025 — 10 entries in 2025. A test account joins too and has a mark and an exit; a
 * learner of another school has both as well: neither is ever counted. Exits in 2025 (joined 1
 * Sept): 0 CDI on 28 Nov (durable, 88 days), 1 CDD of 3 months on 12 Dec (transition, 102 days), 2
 * qualifying training on 31 Oct (positive, 60 days), 3 job seeking on 19 Dec (other, 109 days), 4
 * health on 14 Nov (neutralised, 74 days), 5 inactive on 10 Oct corrected to a 6-month CDD on 17
 * Oct (durable, 46 days). Learner 6 leaves with a CDI on 5 Jan 2026 (next year's review). So 2025:
 * 6 leavers, denominator 6 - 1 neutralised = 5, dynamic 4/5 = 80.0 %, durable 2/5 = 40.0 %, average
 * path (88+102+60+109+74+46)/6 = 79.8 days.
 *
 * <p>Marks (current versions), October 2025: 0 present + late + unjustified absence (2 attended, 7
 * h); 1 placement + training elsewhere + sick leave (2, 7 h); 2 unjustified corrected to present +
 * paid leave (1, 3.5 h); 7 present corrected to justified absence (0, 0 h); newcomer 1 present (1,
 * 3.5 h): 5 learners, 21 h, 4.20 h each. November: 0 present twice (7 h). January 2026: 7 present.
 */
class YearlyReviewIT {
  private static final LocalDate SEP_1 = LocalDate.of(2025, 9, 1);
  private static final LocalDate OCT_6 = LocalDate.of(2025, 10, 6);
  private static final LocalDate OCT_7 = LocalDate.of(2025, 10, 7);
  private static final LocalDate NOV_3 = LocalDate.of(2025, 11, 3);
  private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);

  /** The cohort of 10 and its outsiders. */
  private static final class Fixture {
    final CohortFixture f;
    final Learner newcomer1;
    final Learner newcomer2;
    final Learner testAccount;
    final Learner elsewhere;

    Fixture(TestDatabase db) {
      f = CohortFixture.on(db, 8, 12);
      var id = f.cohort.id();
      newcomer1 = f.newcomer("Awa", "Diallo");
      newcomer2 = f.newcomer("Bilal", "Zerrouki");
      testAccount = f.newcomer("Test", "Étudiant");
      f.tremplin.learners().join(f.coach, id, newcomer1.id(), OCT_6);
      f.tremplin.learners().join(f.coach, id, newcomer2.id(), OCT_6);
      f.tremplin.learners().join(f.coach, id, testAccount.id(), SEP_1);
      f.tremplin.funderFacts().markTestAccount(f.manager, id, testAccount.id(), true);

      exit(0, NewExit.of(LocalDate.of(2025, 11, 28), ExitSituation.CDI));
      exit(1, new NewExit(LocalDate.of(2025, 12, 12), ExitSituation.CDD, 3));
      exit(2, NewExit.of(LocalDate.of(2025, 10, 31), ExitSituation.FORMATION_QUALIFIANTE));
      exit(3, NewExit.of(LocalDate.of(2025, 12, 19), ExitSituation.RECHERCHE_EMPLOI));
      exit(4, NewExit.of(LocalDate.of(2025, 11, 14), ExitSituation.SANTE));
      exit(5, NewExit.of(LocalDate.of(2025, 10, 10), ExitSituation.INACTIF));
      f.tremplin
          .insertion()
          .correctExit(
              f.manager,
              id,
              f.learner(5).id(),
              new NewExit(LocalDate.of(2025, 10, 17), ExitSituation.CDD, 6),
              "hired meanwhile");
      exit(6, NewExit.of(JAN_5, ExitSituation.CDI));
      f.tremplin
          .insertion()
          .recordExit(
              f.manager,
              id,
              testAccount.id(),
              NewExit.of(LocalDate.of(2025, 11, 28), ExitSituation.CDI));

      mark(f.learner(0).id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT));
      mark(f.learner(0).id(), HalfDay.pm(OCT_6), AttendanceMark.late(10));
      mark(f.learner(0).id(), HalfDay.am(OCT_7), AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED));
      mark(f.learner(1).id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.IN_PLACEMENT));
      mark(f.learner(1).id(), HalfDay.pm(OCT_6), AttendanceMark.of(Mark.TRAINING_ELSEWHERE));
      mark(f.learner(1).id(), HalfDay.am(OCT_7), AttendanceMark.of(Mark.SICK_LEAVE));
      mark(f.learner(2).id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED));
      correct(f.learner(2).id(), HalfDay.am(OCT_6), Mark.PRESENT);
      mark(f.learner(2).id(), HalfDay.pm(OCT_6), AttendanceMark.of(Mark.PAID_LEAVE));
      mark(f.learner(7).id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT));
      correct(f.learner(7).id(), HalfDay.am(OCT_6), Mark.ABSENT_JUSTIFIED);
      mark(newcomer1.id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT));
      mark(testAccount.id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT));
      mark(f.learner(0).id(), HalfDay.am(NOV_3), AttendanceMark.of(Mark.PRESENT));
      mark(f.learner(0).id(), HalfDay.pm(NOV_3), AttendanceMark.of(Mark.PRESENT));
      mark(f.learner(7).id(), HalfDay.am(JAN_5), AttendanceMark.of(Mark.PRESENT));

      School other = f.tremplin.schools().create(f.admin, "École du Web 93", Departement.of("93"));
      Actor otherManager = Actor.of("manager-93", Role.MANAGER, new Scope.OfSchool(other.id()));
      Cohort otherCohort =
          f.tremplin
              .cohorts()
              .open(
                  otherManager,
                  new NewCohort(
                      other.id(),
                      "Promo 93",
                      new DateRange(CohortFixture.START, CohortFixture.END),
                      f.tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref(),
                      12,
                      List.of()));
      elsewhere = f.tremplin.learners().register(otherManager, other.id(), "Ailleurs", "Autre");
      f.tremplin.learners().join(otherManager, otherCohort.id(), elsewhere.id(), SEP_1);
      f.tremplin
          .attendance()
          .record(
              otherManager,
              otherCohort.id(),
              new AttendanceEntry(
                  elsewhere.id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT)));
      f.tremplin
          .insertion()
          .recordExit(
              otherManager,
              otherCohort.id(),
              elsewhere.id(),
              NewExit.of(LocalDate.of(2025, 11, 28), ExitSituation.CDI));
    }

    private void exit(int n, NewExit exit) {
      f.tremplin.insertion().recordExit(f.manager, f.cohort.id(), f.learner(n).id(), exit);
    }

    private void mark(LearnerId l, HalfDay halfDay, AttendanceMark mark) {
      f.tremplin
          .attendance()
          .record(f.trainer, f.cohort.id(), new AttendanceEntry(l, halfDay, mark));
    }

    private void correct(LearnerId l, HalfDay halfDay, Mark mark) {
      f.tremplin
          .attendance()
          .correct(
              f.trainer,
              f.cohort.id(),
              new AttendanceEntry(l, halfDay, AttendanceMark.of(mark)),
              "sheet corrected");
    }

    YearlyReview review(int year) {
      return f.tremplin.reports().yearlyReview(f.manager, f.school.id(), year);
    }

    List<LearnerId> ids(int... n) {
      return java.util.Arrays.stream(n).mapToObj(i -> f.learner(i).id()).toList();
    }
  }

  private static List<LearnerId> ids(List<CountedLearner> counted) {
    return counted.stream().map(CountedLearner::learner).toList();
  }

  @AllDatabases
  void theYearlyReviewCountsTheHandComputedEntriesExitsAndRates(TestDatabase db) {
    Fixture x = new Fixture(db);
    YearlyReview r = x.review(2025);

    assertThat(r.entries().count()).isEqualTo(10);
    assertThat(ids(r.entries().learners()))
        .containsExactlyInAnyOrderElementsOf(
            concat(x.ids(0, 1, 2, 3, 4, 5, 6, 7), x.newcomer1.id(), x.newcomer2.id()));
    assertThat(r.leavers().count()).isEqualTo(6);
    assertThat(ids(r.leavers().learners()))
        .containsExactlyInAnyOrderElementsOf(x.ids(0, 1, 2, 3, 4, 5));
    assertThat(ids(r.exitsByCategory().get(ExitCategory.EMPLOI_DURABLE).learners()))
        .containsExactlyInAnyOrderElementsOf(x.ids(0, 5));
    assertThat(ids(r.exitsByCategory().get(ExitCategory.EMPLOI_TRANSITION).learners()))
        .containsExactlyElementsOf(x.ids(1));
    assertThat(ids(r.exitsByCategory().get(ExitCategory.SORTIE_POSITIVE).learners()))
        .containsExactlyElementsOf(x.ids(2));
    assertThat(ids(r.exitsByCategory().get(ExitCategory.AUTRE_SORTIE).learners()))
        .containsExactlyElementsOf(x.ids(3));
    assertThat(ids(r.exitsByCategory().get(ExitCategory.NEUTRALISEE).learners()))
        .containsExactlyElementsOf(x.ids(4));

    assertThat(r.dynamicExits().count()).isEqualTo(4);
    assertThat(r.dynamicExits().outOf()).isEqualTo(5);
    assertThat(r.dynamicExits().percent()).contains(new BigDecimal("80.0"));
    assertThat(r.durableExits().count()).isEqualTo(2);
    assertThat(r.durableExits().percent()).contains(new BigDecimal("40.0"));

    assertThat(r.paths().stream().mapToLong(PathLength::days).sorted().toArray())
        .containsExactly(46, 60, 74, 88, 102, 109);
    assertThat(r.averagePathDays()).contains(new BigDecimal("79.8"));
  }

  @AllDatabases
  void attendedHalfDaysCountThreeAndAHalfHoursByCurrentMarkAndMonth(TestDatabase db) {
    Fixture x = new Fixture(db);
    YearlyReview r = x.review(2025);

    assertThat(r.monthlyHours()).hasSize(12);
    assertThat(r.monthlyHours().get(0).month()).isEqualTo(YearMonth.of(2025, 1));
    MonthlyHours october = r.monthlyHours().get(9);
    assertThat(october.month()).isEqualTo(YearMonth.of(2025, 10));
    assertThat(october.learners()).hasSize(5);
    assertThat(october.totalHours()).isEqualByComparingTo("21.0");
    assertThat(october.hoursPerLearner()).contains(new BigDecimal("4.20"));
    assertThat(hoursOf(october, x.f.learner(0).id())).isEqualByComparingTo("7.0");
    assertThat(hoursOf(october, x.f.learner(1).id())).isEqualByComparingTo("7.0");
    assertThat(hoursOf(october, x.f.learner(2).id())).isEqualByComparingTo("3.5");
    assertThat(hoursOf(october, x.f.learner(7).id())).isEqualByComparingTo("0");
    assertThat(hoursOf(october, x.newcomer1.id())).isEqualByComparingTo("3.5");

    MonthlyHours november = r.monthlyHours().get(10);
    assertThat(november.learners()).hasSize(1);
    assertThat(november.hoursPerLearner()).contains(new BigDecimal("7.00"));
    assertThat(r.monthlyHours().get(8).learners()).isEmpty();
    assertThat(r.monthlyHours().get(8).hoursPerLearner()).isEmpty();
    assertThat(r.monthlyHours().get(11).totalHours()).isEqualByComparingTo("0");
  }

  @AllDatabases
  void testAccountsAndOtherSchoolsAreNeverCounted(TestDatabase db) {
    Fixture x = new Fixture(db);
    YearlyReview r = x.review(2025);
    List<LearnerId> everyone = new java.util.ArrayList<>();
    everyone.addAll(ids(r.entries().learners()));
    everyone.addAll(ids(r.leavers().learners()));
    r.exitsByCategory().values().forEach(fig -> everyone.addAll(ids(fig.learners())));
    r.monthlyHours().forEach(m -> m.learners().forEach(h -> everyone.add(h.learner().learner())));
    assertThat(everyone).isNotEmpty().doesNotContain(x.testAccount.id(), x.elsewhere.id());

    // Unmarked, the test account counts again: the mark, not the name, keeps it out.
    x.f
        .tremplin
        .funderFacts()
        .markTestAccount(x.f.manager, x.f.cohort.id(), x.testAccount.id(), false);
    YearlyReview unmarked = x.review(2025);
    assertThat(unmarked.entries().count()).isEqualTo(11);
    assertThat(unmarked.leavers().count()).isEqualTo(7);
    assertThat(unmarked.monthlyHours().get(9).learners()).hasSize(6);
  }

  @AllDatabases
  void theNextYearHasItsOwnLeaversAndNoRatesWithoutLeavers(TestDatabase db) {
    Fixture x = new Fixture(db);
    YearlyReview next = x.review(2026);
    assertThat(next.entries().count()).isZero();
    assertThat(ids(next.leavers().learners())).containsExactlyElementsOf(x.ids(6));
    assertThat(next.dynamicExits().percent()).contains(new BigDecimal("100.0"));
    assertThat(next.paths().get(0).days()).isEqualTo(126);
    assertThat(next.monthlyHours().get(0).totalHours()).isEqualByComparingTo("3.5");

    YearlyReview empty = x.review(2024);
    assertThat(empty.leavers().count()).isZero();
    assertThat(empty.dynamicExits().percent()).isEmpty();
    assertThat(empty.durableExits().percent()).isEmpty();
    assertThat(empty.averagePathDays()).isEqualTo(Optional.empty());
  }

  @AllDatabases
  void onlyReportReadersOfTheSchoolGetTheReview(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    assertThat(f.tremplin.reports().yearlyReview(f.admin, f.school.id(), 2025).entries().count())
        .isEqualTo(1);
    for (Actor refused :
        List.of(
            f.trainer,
            f.coach,
            f.asLearner(0),
            Actor.of(
                "manager-other",
                Role.MANAGER,
                new Scope.OfSchool(org.tremplin.api.SchoolId.random())))) {
      assertThatThrownBy(() -> f.tremplin.reports().yearlyReview(refused, f.school.id(), 2025))
          .extracting(e -> ((TremplinException) e).code())
          .isEqualTo(ErrorCode.ACCESS_DENIED);
    }
    assertThatThrownBy(() -> f.tremplin.reports().yearlyReview(f.manager, f.school.id(), 1999))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThatThrownBy(
            () ->
                f.tremplin
                    .reports()
                    .yearlyReview(f.admin, org.tremplin.api.SchoolId.random(), 2025))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.SCHOOL_NOT_FOUND);
  }

  private static BigDecimal hoursOf(MonthlyHours month, LearnerId learner) {
    return month.learners().stream()
        .filter(h -> h.learner().learner().equals(learner))
        .findFirst()
        .orElseThrow()
        .hours();
  }

  private static List<LearnerId> concat(List<LearnerId> ids, LearnerId... more) {
    List<LearnerId> all = new java.util.ArrayList<>(ids);
    all.addAll(List.of(more));
    return all;
  }
}

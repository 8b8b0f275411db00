package org.tremplin.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.SchoolId;
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
import org.tremplin.api.report.NetworkView;
import org.tremplin.api.report.Rate;
import org.tremplin.api.report.ReportScope;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The network view of 2025 over three schools: the fixture's school of the 92 (2 learners: 0 leaves
 * with a CDI on 28 Nov, and is present twice on 6 Oct), "Antony" in the 92 (1 learner, job seeking
 * on 12 Dec) and "Bobigny" in the 93 (1 learner, present once on 6 Oct). So the 92: 3 entries, 2
 * leavers, dynamic 1/2 = 50.0 %; the network: 4 entries, attended hours per learner-month (7 + 3.5)
 * / 2 = 5.25.
 */
class NetworkViewIT {
  private static final LocalDate SEP_1 = LocalDate.of(2025, 9, 1);
  private static final LocalDate OCT_6 = LocalDate.of(2025, 10, 6);

  private record Opened(School school, Actor manager, Cohort cohort, Learner learner) {}

  private static Opened school(CohortFixture f, String name, String departement) {
    School s = f.tremplin.schools().create(f.admin, name, Departement.of(departement));
    Actor manager = Actor.of("manager-" + name, Role.MANAGER, new Scope.OfSchool(s.id()));
    Cohort c =
        f.tremplin
            .cohorts()
            .open(
                manager,
                new NewCohort(
                    s.id(),
                    "Promo " + name,
                    new DateRange(CohortFixture.START, CohortFixture.END),
                    f.tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref(),
                    12,
                    List.of()));
    Learner l = f.tremplin.learners().register(manager, s.id(), "Élève", name);
    f.tremplin.learners().join(manager, c.id(), l.id(), SEP_1);
    return new Opened(s, manager, c, l);
  }

  @AllDatabases
  void schoolsAndDepartementsStandSideBySideWithTheirOwnFigures(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    f.tremplin
        .insertion()
        .recordExit(
            f.manager,
            f.cohort.id(),
            f.learner(0).id(),
            NewExit.of(LocalDate.of(2025, 11, 28), ExitSituation.CDI));
    for (HalfDay d : List.of(HalfDay.am(OCT_6), HalfDay.pm(OCT_6))) {
      f.tremplin
          .attendance()
          .record(
              f.trainer,
              f.cohort.id(),
              new AttendanceEntry(f.learner(0).id(), d, AttendanceMark.of(Mark.PRESENT)));
    }
    Opened antony = school(f, "Antony", "92");
    f.tremplin
        .insertion()
        .recordExit(
            antony.manager(),
            antony.cohort().id(),
            antony.learner().id(),
            NewExit.of(LocalDate.of(2025, 12, 12), ExitSituation.RECHERCHE_EMPLOI));
    Opened bobigny = school(f, "Bobigny", "93");
    f.tremplin
        .attendance()
        .record(
            bobigny.manager(),
            bobigny.cohort().id(),
            new AttendanceEntry(
                bobigny.learner().id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT)));

    NetworkView v = f.tremplin.reports().networkView(f.admin, 2025);

    assertThat(v.schools())
        .extracting(NetworkView.Column::label)
        .containsExactly("Antony", f.school.name(), "Bobigny");
    assertThat(v.schools().get(0).scope())
        .isEqualTo(new ReportScope.OfSchool(antony.school().id()));
    NetworkView.Column villeneuve = v.schools().get(1);
    assertThat(villeneuve.review().entries().count()).isEqualTo(2);
    assertThat(villeneuve.gen().entries().count()).isEqualTo(2);
    assertThat(villeneuve.review().exitsByCategory().get(ExitCategory.EMPLOI_DURABLE).count())
        .isEqualTo(1);
    assertThat(villeneuve.review().hoursPerLearnerMonth()).contains(new BigDecimal("7.00"));

    assertThat(v.departements()).extracting(NetworkView.Column::label).containsExactly("92", "93");
    NetworkView.Column hautsDeSeine = v.departements().get(0);
    assertThat(hautsDeSeine.scope()).isEqualTo(new ReportScope.OfDepartement(Departement.of("92")));
    assertThat(hautsDeSeine.review().entries().count()).isEqualTo(3);
    assertThat(hautsDeSeine.review().leavers().count()).isEqualTo(2);
    assertThat(hautsDeSeine.review().dynamicExits().percent()).contains(new BigDecimal("50.0"));
    assertThat(hautsDeSeine.gen().leavers().count()).isEqualTo(2);
    assertThat(v.departements().get(1).review().leavers().count()).isZero();

    assertThat(v.network().review().entries().count()).isEqualTo(4);
    assertThat(v.network().gen().entries().count()).isEqualTo(4);
    assertThat(v.network().review().hoursPerLearnerMonth()).contains(new BigDecimal("5.25"));
    assertThat(v.network().review().entries().learners())
        .allSatisfy(l -> assertThat(l.displayName()).isEqualTo(l.reference()));
  }

  @AllDatabases
  void everyColumnHoldsTheFiguresOfItsScopeReadOnItsOwn(TestDatabase db) {
    // two schools in the 92 (the fixture's, 3 learners; Antony, 3) and one in the 93 (Bobigny, 2),
    // each with leavers and marks, so that every column's learners interleave across schools
    CohortFixture f = CohortFixture.on(db, 3);
    f.tremplin
        .insertion()
        .recordExit(
            f.manager,
            f.cohort.id(),
            f.learner(0).id(),
            NewExit.of(LocalDate.of(2025, 11, 28), ExitSituation.CDI));
    f.tremplin
        .insertion()
        .recordExit(
            f.manager,
            f.cohort.id(),
            f.learner(1).id(),
            NewExit.of(LocalDate.of(2025, 12, 1), ExitSituation.RECHERCHE_EMPLOI));
    for (int n : List.of(0, 2)) {
      f.tremplin
          .attendance()
          .record(
              f.trainer,
              f.cohort.id(),
              new AttendanceEntry(
                  f.learner(n).id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT)));
    }
    Opened antony = school(f, "Antony", "92");
    Opened bobigny = school(f, "Bobigny", "93");
    for (Opened o : List.of(antony, bobigny)) {
      List<Learner> learners = new ArrayList<>(List.of(o.learner()));
      int more = o == antony ? 2 : 1;
      for (int i = 1; i <= more; i++) {
        Learner l =
            f.tremplin
                .learners()
                .register(o.manager(), o.school().id(), "Élève", o.school().name() + i);
        f.tremplin.learners().join(o.manager(), o.cohort().id(), l.id(), SEP_1);
        learners.add(l);
      }
      f.tremplin
          .insertion()
          .recordExit(
              o.manager(),
              o.cohort().id(),
              learners.get(0).id(),
              NewExit.of(LocalDate.of(2025, 12, 12), ExitSituation.RECHERCHE_EMPLOI));
      f.tremplin
          .attendance()
          .record(
              o.manager(),
              o.cohort().id(),
              new AttendanceEntry(
                  learners.get(learners.size() - 1).id(),
                  HalfDay.pm(OCT_6),
                  AttendanceMark.of(Mark.PRESENT)));
    }

    NetworkView v = f.tremplin.reports().networkView(f.admin, 2025);

    assertThat(v.schools()).hasSize(3);
    for (NetworkView.Column c : v.schools()) {
      SchoolId school = ((ReportScope.OfSchool) c.scope()).school();
      assertThat(c.review())
          .isEqualTo(
              NetworkView.Review.of(f.tremplin.reports().yearlyReview(f.admin, school, 2025)));
      assertThat(c.gen()).isEqualTo(f.tremplin.reports().genIndicators(f.admin, c.scope(), 2025));
    }
    assertThat(v.departements()).extracting(NetworkView.Column::label).containsExactly("92", "93");
    for (NetworkView.Column c : v.departements()) {
      assertThat(c.gen()).isEqualTo(f.tremplin.reports().genIndicators(f.admin, c.scope(), 2025));
    }
    assertThat(v.network().gen())
        .isEqualTo(f.tremplin.reports().genIndicators(f.admin, new ReportScope.Network(), 2025));

    // a département's and the network's review: their schools' rows, in the order GEN reads them
    List<NetworkView.Column> hautsDeSeine = v.schools().subList(0, 2);
    List<NetworkView.Column> seineSaintDenis = v.schools().subList(2, 3);
    assertReviewIsTheUnionOf(v.departements().get(0), hautsDeSeine);
    assertReviewIsTheUnionOf(v.departements().get(1), seineSaintDenis);
    assertReviewIsTheUnionOf(v.network(), v.schools());
    assertThat(v.departements().get(0).review().entries().count()).isEqualTo(6);
    assertThat(v.departements().get(0).review().leavers().count()).isEqualTo(3);
    assertThat(v.network().review().entries().count()).isEqualTo(8);
    assertThat(v.network().review().leavers().count()).isEqualTo(4);
  }

  private static void assertReviewIsTheUnionOf(
      NetworkView.Column column, List<NetworkView.Column> schools) {
    NetworkView.Review r = column.review();
    assertThat(r.entries().learners()).isEqualTo(column.gen().entries().learners());
    assertThat(r.leavers().learners()).isEqualTo(column.gen().leavers().learners());
    assertThat(r.entries().learners())
        .containsExactlyInAnyOrderElementsOf(
            schools.stream().flatMap(s -> s.review().entries().learners().stream()).toList());
    assertThat(r.paths())
        .containsExactlyInAnyOrderElementsOf(
            schools.stream().flatMap(s -> s.review().paths().stream()).toList());
    for (ExitCategory c : ExitCategory.values()) {
      assertThat(r.exitsByCategory().get(c).learners())
          .containsExactlyInAnyOrderElementsOf(
              schools.stream()
                  .flatMap(s -> s.review().exitsByCategory().get(c).learners().stream())
                  .toList());
    }
    for (int m = 0; m < 12; m++) {
      int month = m;
      assertThat(r.monthlyHours().get(m).learners())
          .containsExactlyInAnyOrderElementsOf(
              schools.stream()
                  .flatMap(s -> s.review().monthlyHours().get(month).learners().stream())
                  .toList());
    }
    assertThat(r.dynamicExits())
        .isEqualTo(
            new Rate(
                schools.stream().mapToInt(s -> s.review().dynamicExits().count()).sum(),
                schools.stream().mapToInt(s -> s.review().dynamicExits().outOf()).sum()));
  }

  @AllDatabases
  void aSchoolManagerDoesNotGetTheNetworkView(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    assertThatThrownBy(() -> f.tremplin.reports().networkView(f.manager, 2025))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThat(f.tremplin.reports().networkView(f.admin, 2025).schools()).hasSize(1);
  }
}

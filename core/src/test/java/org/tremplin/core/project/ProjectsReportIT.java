package org.tremplin.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.project.ClientKind;
import org.tremplin.api.project.ClientOrganisation;
import org.tremplin.api.project.CompetencyEvidenced;
import org.tremplin.api.project.CountedProject;
import org.tremplin.api.project.Deliverable;
import org.tremplin.api.project.NewClientOrganisation;
import org.tremplin.api.project.NewProject;
import org.tremplin.api.project.Project;
import org.tremplin.api.project.ProjectsReport;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.core.Tremplin;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The projects report against a hand-computed fixture (DOMAIN.md, Real projects).
 *
 * <p>Clients: the association "Amis du Parc" (QPV), the collective "Jardins partagés" (not QPV),
 * the town hall (public body, QPV), the bakery (small business, not QPV). Projects, all started on
 * 15 Sept 2025 unless said: P1 for the association, team 0 and 1, CP2 + CP3, delivered 17 Oct 2025;
 * P2 for the collective, team 2, CP5, delivered 12 Dec 2025; P3 for the town hall, team 3 and a
 * test account, CP2, delivered 8 Jan 2026; P4 for the bakery, team 4, never delivered; P5 for the
 * association, team of the test account only, delivered 14 Nov 2025 (never counted); P6 for the
 * bakery, team 0, started 5 Jan 2026, in progress.
 *
 * <p>Autumn term (1 Sept – 31 Dec 2025): 2 delivered (P1, P2), 2 in progress at its end (P3, P4);
 * by kind: 1 association, 1 collective; 1 for a QPV-based client (P1); CP2 and CP3 evidenced by P1
 * for learners 0 and 1, CP5 by P2 for learner 2. School year (1 Sept 2025 – 30 June 2026, today 9
 * Jan 2026): 3 delivered (P1, P2, P3), 2 in progress (P4, P6), 2 for QPV-based clients (P1, P3),
 * CP2 for learners 0, 1 and 3.
 */
class ProjectsReportIT {
  private static final DateRange AUTUMN = DateRange.parse("2025-09-01/2025-12-31");
  private static final DateRange YEAR = DateRange.parse("2025-09-01/2026-06-30");

  /** The fixture of the class comment. */
  private static final class Fixture {
    final CohortFixture f;
    final Learner test;
    final Project p1;
    final Project p2;
    final Project p3;
    final Project p4;
    final Project p6;

    Fixture(TestDatabase db) {
      f = CohortFixture.on(db, 5);
      test = f.newcomer("Test", "Étudiant");
      f.tremplin.learners().join(f.coach, f.cohort.id(), test.id(), CohortFixture.START);
      f.tremplin.funderFacts().markTestAccount(f.manager, f.cohort.id(), test.id(), true);
      Tremplin sept15 = on(LocalDate.of(2025, 9, 15));
      var park = client(sept15, "Amis du Parc", ClientKind.ASSOCIATION, true);
      var gardens = client(sept15, "Jardins partagés", ClientKind.COLLECTIVE, false);
      var townHall = client(sept15, "Mairie", ClientKind.PUBLIC_BODY, true);
      var bakery = client(sept15, "Boulangerie Salah", ClientKind.SMALL_BUSINESS, false);
      p1 = start(sept15, park, "P1", List.of(l(0), l(1)), List.of("CP2", "CP3"));
      p2 = start(sept15, gardens, "P2", List.of(l(2)), List.of("CP5"));
      p3 = start(sept15, townHall, "P3", List.of(l(3), test.id()), List.of("CP2"));
      p4 = start(sept15, bakery, "P4", List.of(l(4)), List.of("CP3"));
      Project p5 = start(sept15, park, "P5", List.of(test.id()), List.of("CP8"));
      p6 = start(on(LocalDate.of(2026, 1, 5)), bakery, "P6", List.of(l(0)), List.of("CP3"));
      deliver(p1, LocalDate.of(2025, 10, 17), List.of("CP2", "CP3"));
      deliver(p2, LocalDate.of(2025, 12, 12), List.of("CP5"));
      deliver(p3, LocalDate.of(2026, 1, 8), List.of("CP2"));
      deliver(p5, LocalDate.of(2025, 11, 14), List.of("CP8"));
    }

    LearnerId l(int n) {
      return f.learner(n).id();
    }

    Tremplin on(LocalDate day) {
      return f.tremplin.withClock(
          Clock.fixed(day.atTime(9, 0).toInstant(ZoneOffset.UTC), CohortFixture.PARIS));
    }

    ClientOrganisation client(Tremplin t, String name, ClientKind kind, boolean qpv) {
      return t.projects()
          .registerClient(f.trainer, f.cohort.id(), new NewClientOrganisation(name, kind, qpv));
    }

    Project start(
        Tremplin t, ClientOrganisation c, String title, List<LearnerId> team, List<String> cps) {
      return t.projects()
          .start(f.trainer, f.cohort.id(), new NewProject(c.id(), title, "", team, cps));
    }

    void deliver(Project p, LocalDate on, List<String> cps) {
      f.tremplin
          .projects()
          .deliver(f.trainer, p.id(), on, new Deliverable.Artefact("site remis"), cps);
    }

    ProjectsReport report(DateRange period) {
      return f.tremplin.projectsReport().projects(f.manager, f.school.id(), period);
    }
  }

  private static List<String> titles(List<CountedProject> projects) {
    return projects.stream().map(CountedProject::title).toList();
  }

  private static List<String> names(List<CountedLearner> learners) {
    return learners.stream().map(CountedLearner::displayName).toList();
  }

  @AllDatabases
  void theAutumnTermCountsTheHandComputedProjects(TestDatabase db) {
    var x = new Fixture(db);
    ProjectsReport r = x.report(AUTUMN);

    assertThat(titles(r.delivered())).containsExactly("P1", "P2");
    assertThat(titles(r.inProgress())).containsExactly("P3", "P4");
    assertThat(r.deliveredByKind())
        .containsOnlyKeys(ClientKind.values())
        .satisfies(
            m -> {
              assertThat(titles(m.get(ClientKind.ASSOCIATION))).containsExactly("P1");
              assertThat(titles(m.get(ClientKind.COLLECTIVE))).containsExactly("P2");
              assertThat(m.get(ClientKind.PUBLIC_BODY)).isEmpty();
              assertThat(m.get(ClientKind.SMALL_BUSINESS)).isEmpty();
            });
    assertThat(titles(r.deliveredForQpvClients())).containsExactly("P1");
    assertThat(r.competencies())
        .extracting(CompetencyEvidenced::competency)
        .containsExactly("CP2", "CP3", "CP5");
    Map<String, CompetencyEvidenced> byCode =
        Map.of(
            "CP2", r.competencies().get(0),
            "CP3", r.competencies().get(1),
            "CP5", r.competencies().get(2));
    assertThat(names(byCode.get("CP2").learners().learners()))
        .containsExactly("Prénom1 Nom1", "Prénom2 Nom2");
    assertThat(names(byCode.get("CP5").learners().learners())).containsExactly("Prénom3 Nom3");
    assertThat(titles(byCode.get("CP3").projects())).containsExactly("P1");
  }

  @AllDatabases
  void theSchoolYearCountsLaterDeliveriesAndProjectsStartedSince(TestDatabase db) {
    var x = new Fixture(db);
    ProjectsReport r = x.report(YEAR);

    assertThat(titles(r.delivered())).containsExactly("P1", "P2", "P3");
    assertThat(titles(r.inProgress())).containsExactly("P4", "P6");
    assertThat(titles(r.deliveredForQpvClients())).containsExactly("P1", "P3");
    assertThat(r.competencies().get(0).competency()).isEqualTo("CP2");
    assertThat(r.competencies().get(0).learners().count()).isEqualTo(3);
  }

  @AllDatabases
  void testAccountsAreNeverCounted(TestDatabase db) {
    var x = new Fixture(db);
    ProjectsReport r = x.report(YEAR);

    assertThat(titles(r.delivered())).doesNotContain("P5");
    assertThat(r.competencies()).extracting(CompetencyEvidenced::competency).doesNotContain("CP8");
    CountedProject p3 = r.delivered().get(2);
    assertThat(names(p3.team())).containsExactly("Prénom4 Nom4");
    assertThat(r.delivered().stream().flatMap(p -> p.team().stream()))
        .extracting(CountedLearner::learner)
        .doesNotContain(x.test.id());
  }

  @AllDatabases
  void onlyReportReadersOfTheSchoolGetTheReport(TestDatabase db) {
    var x = new Fixture(db);
    assertThatThrownBy(
            () -> x.f.tremplin.projectsReport().projects(x.f.trainer, x.f.school.id(), YEAR))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThat(x.f.tremplin.projectsReport().projects(x.f.admin, x.f.school.id(), YEAR).delivered())
        .hasSize(3);
  }

  @AllDatabases
  void aNetworkAdministratorSeesTeamsByReferenceNeverByName(TestDatabase db) {
    var x = new Fixture(db);
    var named = x.f.tremplin.projectsReport().projects(x.f.manager, x.f.school.id(), YEAR);
    var hidden = x.f.tremplin.projectsReport().projects(x.f.admin, x.f.school.id(), YEAR);

    List<CountedLearner> team = hidden.delivered().get(0).team();
    assertThat(team).isNotEmpty();
    assertThat(team).allMatch(l -> l.displayName().equals(l.reference()));
    assertThat(team.stream().map(CountedLearner::reference))
        .containsExactlyInAnyOrderElementsOf(
            named.delivered().get(0).team().stream().map(CountedLearner::reference).toList());
    assertThat(hidden.competencies())
        .allSatisfy(
            c ->
                assertThat(c.learners().learners())
                    .allMatch(l -> l.displayName().equals(l.reference())));
    assertThat(hidden.competencies().stream().map(c -> c.learners().count()))
        .isEqualTo(named.competencies().stream().map(c -> c.learners().count()).toList());
  }
}

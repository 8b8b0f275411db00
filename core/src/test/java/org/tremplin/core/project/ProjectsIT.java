package org.tremplin.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.evidence.CompetencyProgress;
import org.tremplin.api.evidence.CompetencyStatus;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.project.ClientKind;
import org.tremplin.api.project.ClientOrganisation;
import org.tremplin.api.project.Deliverable;
import org.tremplin.api.project.Milestone;
import org.tremplin.api.project.NewClientOrganisation;
import org.tremplin.api.project.NewProject;
import org.tremplin.api.project.Project;
import org.tremplin.api.project.ProjectService;
import org.tremplin.api.project.ProjectStatus;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** Real projects of a cohort: team, milestones, delivery and the evidence it records. */
class ProjectsIT {
  private static final LocalDate JAN_8 = LocalDate.of(2026, 1, 8);

  private static Project started(CohortFixture f, List<Integer> team, List<String> codes) {
    ProjectService projects = f.tremplin.projects();
    ClientOrganisation client =
        projects.registerClient(
            f.trainer,
            f.cohort.id(),
            new NewClientOrganisation("Les Amis du Parc", ClientKind.ASSOCIATION, true));
    return projects.start(
        f.trainer,
        f.cohort.id(),
        new NewProject(
            client.id(),
            "Site des Amis du Parc",
            "Un site pour annoncer les ateliers",
            team.stream().map(n -> f.learner(n).id()).toList(),
            codes));
  }

  private static Deliverable site() {
    return new Deliverable.Url(URI.create("https://amisduparc.example.org/"));
  }

  @AllDatabases
  void deliveringRecordsProjectEvidenceForEachMemberOnEachCompetency(TestDatabase db) {
    var f = CohortFixture.on(db, 3);
    Project p = started(f, List.of(0, 1), List.of("CP2"));
    f.tremplin.projects().addMilestone(f.trainer, p.id(), "Maquette validée", JAN_8);
    f.tremplin.projects().addMilestone(f.trainer, p.id(), "Mise en ligne", JAN_8.plusDays(20));
    f.tremplin.projects().markMilestoneDone(f.trainer, p.id(), 1);

    Project delivered =
        f.tremplin.projects().deliver(f.trainer, p.id(), JAN_8, site(), List.of("CP2", "CP3"));

    assertThat(delivered.status()).isEqualTo(new ProjectStatus.Delivered(JAN_8, site()));
    assertThat(delivered.competencies()).containsExactly("CP2", "CP3");
    assertThat(delivered.milestones())
        .extracting(Milestone::number, Milestone::done)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, true),
            org.assertj.core.groups.Tuple.tuple(2, false));
    for (int n : List.of(0, 1)) {
      List<Evidence> evidence =
          f.tremplin.evidence().evidence(f.trainer, f.cohort.id(), f.learner(n).id());
      assertThat(evidence)
          .extracting(e -> e.target().competency(), Evidence::source, Evidence::assessedOn)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("CP2", EvidenceSource.PROJECT, JAN_8),
              org.assertj.core.groups.Tuple.tuple("CP3", EvidenceSource.PROJECT, JAN_8));
    }
    assertThat(f.tremplin.evidence().evidence(f.trainer, f.cohort.id(), f.learner(2).id()))
        .isEmpty();
  }

  @AllDatabases
  void aProjectAloneNeverAcquiresACompetency(TestDatabase db) {
    var f = CohortFixture.on(db, 1);
    Project p = started(f, List.of(0), List.of("CP2"));
    f.tremplin.projects().deliver(f.trainer, p.id(), JAN_8, site(), List.of("CP2"));

    CompetencyProgress cp2 =
        f.tremplin.evidence().progress(f.trainer, f.cohort.id(), f.learner(0).id()).stream()
            .filter(c -> c.competency().equals("CP2"))
            .findFirst()
            .orElseThrow();
    assertThat(cp2.status()).isEqualTo(CompetencyStatus.IN_PROGRESS);
  }

  @AllDatabases
  void aFailedDeliveryLeavesNeitherEvidenceNorDelivery(TestDatabase db) {
    var f = CohortFixture.on(db, 2);
    Project p = started(f, List.of(0, 1), List.of("CP2"));
    f.tremplin
        .learners()
        .leave(f.coach, f.cohort.id(), f.learner(1).id(), LocalDate.of(2025, 12, 1), "a job");

    assertThatThrownBy(
            () ->
                f.tremplin
                    .projects()
                    .deliver(f.trainer, p.id(), JAN_8, site(), List.of("CP2", "CP3")))
        .isInstanceOf(TremplinException.class)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.LEARNER_NOT_ENROLLED);

    assertThat(f.rows("tremplin_evidence")).isZero();
    assertThat(f.tremplin.projects().project(f.trainer, p.id()).delivered()).isFalse();
    assertThat(f.tremplin.projects().project(f.trainer, p.id()).competencies())
        .containsExactly("CP2");
  }

  @AllDatabases
  void aDeliveredProjectIsFinal(TestDatabase db) {
    var f = CohortFixture.on(db, 2);
    Project p = started(f, List.of(0), List.of("CP2"));
    f.tremplin.projects().deliver(f.trainer, p.id(), JAN_8, site(), List.of("CP2"));

    assertThatThrownBy(
            () ->
                f.tremplin
                    .projects()
                    .deliver(
                        f.trainer, p.id(), JAN_8, new Deliverable.Artefact("x"), List.of("CP2")))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.PROJECT_ALREADY_DELIVERED);
    assertThatThrownBy(
            () -> f.tremplin.projects().changeTeam(f.trainer, p.id(), List.of(f.learner(1).id())))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.PROJECT_ALREADY_DELIVERED);
    assertThat(f.rows("tremplin_evidence")).isEqualTo(1);
  }

  @AllDatabases
  void deliveryNeedsATeamAKnownCompetencyAndAPastDay(TestDatabase db) {
    var f = CohortFixture.on(db, 1);
    Project empty = started(f, List.of(), List.of());
    assertThatThrownBy(
            () ->
                f.tremplin.projects().deliver(f.trainer, empty.id(), JAN_8, site(), List.of("CP2")))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.PROJECT_TEAM_EMPTY);
    f.tremplin.projects().changeTeam(f.trainer, empty.id(), List.of(f.learner(0).id()));
    assertThatThrownBy(
            () ->
                f.tremplin
                    .projects()
                    .deliver(f.trainer, empty.id(), JAN_8, site(), List.of("CP42")))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.EVIDENCE_UNKNOWN_COMPETENCY);
    assertThatThrownBy(
            () ->
                f.tremplin
                    .projects()
                    .deliver(f.trainer, empty.id(), JAN_8.plusDays(2), site(), List.of("CP2")))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.EVIDENCE_IN_FUTURE);
    assertThat(f.rows("tremplin_evidence")).isZero();
  }

  @AllDatabases
  void aTeamIsMadeOfLearnersOfTheCohort(TestDatabase db) {
    var f = CohortFixture.on(db, 1);
    var stranger = f.newcomer("Awa", "Diallo");
    Project p = started(f, List.of(0), List.of("CP2"));
    assertThatThrownBy(
            () -> f.tremplin.projects().changeTeam(f.trainer, p.id(), List.of(stranger.id())))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.LEARNER_NOT_ENROLLED);
    assertThat(f.tremplin.projects().project(f.trainer, p.id()).team())
        .containsExactly(f.learner(0).id());
  }

  @AllDatabases
  void aTrainerOfAnotherCohortIsDeniedAndNothingIsWritten(TestDatabase db) {
    var f = CohortFixture.on(db, 1);
    Project p = started(f, List.of(0), List.of("CP2"));
    Actor other =
        Actor.of("trainer-2", Role.TRAINER, new Scope.OfCohort(f.school.id(), CohortId.random()));
    int audit = f.rows("tremplin_audit");

    for (Runnable call :
        List.<Runnable>of(
            () -> f.tremplin.projects().deliver(other, p.id(), JAN_8, site(), List.of("CP2")),
            () -> f.tremplin.projects().addMilestone(other, p.id(), "Recette", JAN_8),
            () -> f.tremplin.projects().changeTeam(other, p.id(), List.of()),
            () ->
                f.tremplin
                    .projects()
                    .registerClient(
                        other,
                        f.cohort.id(),
                        new NewClientOrganisation("X", ClientKind.COLLECTIVE, false)),
            () -> f.tremplin.projects().projects(other, f.cohort.id()))) {
      assertThatThrownBy(call::run)
          .extracting(e -> ((TremplinException) e).code())
          .isEqualTo(ErrorCode.ACCESS_DENIED);
    }
    assertThat(f.rows("tremplin_evidence")).isZero();
    assertThat(f.rows("tremplin_project_milestone")).isZero();
    assertThat(f.rows("tremplin_client_organisation")).isEqualTo(1);
    assertThat(f.rows("tremplin_audit")).isEqualTo(audit);
    assertThat(f.tremplin.projects().project(f.trainer, p.id()).team()).hasSize(1);
  }

  @AllDatabases
  void aLearnerReadsTheProjectsTheyAreInAndNoOthers(TestDatabase db) {
    var f = CohortFixture.on(db, 2);
    Project p = started(f, List.of(0), List.of("CP2"));

    assertThat(f.tremplin.projects().projectsOf(f.asLearner(0), f.cohort.id(), f.learner(0).id()))
        .extracting(Project::id)
        .containsExactly(p.id());
    assertThat(f.tremplin.projects().project(f.asLearner(0), p.id()).title())
        .isEqualTo("Site des Amis du Parc");
    assertThat(f.tremplin.projects().projectsOf(f.asLearner(1), f.cohort.id(), f.learner(1).id()))
        .isEmpty();
    assertThatThrownBy(() -> f.tremplin.projects().project(f.asLearner(1), p.id()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(
            () ->
                f.tremplin.projects().projectsOf(f.asLearner(1), f.cohort.id(), f.learner(0).id()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(
            () ->
                f.tremplin
                    .projects()
                    .start(
                        f.asLearner(0),
                        f.cohort.id(),
                        new NewProject(p.client().id(), "Autre", "", List.of(), List.of())))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
  }

  @AllDatabases
  void eachWriteIsAuditedOnEachTeamMember(TestDatabase db) {
    var f = CohortFixture.on(db, 2);
    int before = f.rows("tremplin_audit");
    Project p = started(f, List.of(0, 1), List.of("CP2"));
    f.tremplin.projects().deliver(f.trainer, p.id(), JAN_8, site(), List.of("CP2"));
    assertThat(f.rows("tremplin_audit") - before).isEqualTo(4);
  }

  @AllDatabases
  void aMembersProjectsAreInTheirExportAndSurviveTheirErasure(TestDatabase db) throws Exception {
    var f = CohortFixture.on(db, 1);
    Project p = started(f, List.of(0), List.of("CP2"));
    f.tremplin.projects().deliver(f.trainer, p.id(), JAN_8, site(), List.of("CP2"));
    var l = f.learner(0).id();

    var export =
        org.tremplin.core.internal.Json.mapper()
            .readTree(f.tremplin.privacy().export(f.manager, l));
    assertThat(export.get("projects").get(0).get("title").asText())
        .isEqualTo("Site des Amis du Parc");
    assertThat(export.get("projects").get(0).get("client").asText()).isEqualTo("Les Amis du Parc");

    f.tremplin.privacy().erase(f.manager, l);
    assertThat(f.tremplin.projects().project(f.trainer, p.id()).team()).containsExactly(l);
  }
}

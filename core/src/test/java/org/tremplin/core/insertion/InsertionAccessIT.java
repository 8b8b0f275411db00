package org.tremplin.core.insertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.eligibility.ProfileFact;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.EligibilityProfile;
import org.tremplin.api.insertion.InsertionPathService;
import org.tremplin.api.insertion.NewDiagnosis;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * Insertion data is the referent coach's caseload and the school manager's (DOMAIN.md, People and
 * roles): another coach and a trainer are refused and nothing is written; a learner reads their own
 * path only.
 */
class InsertionAccessIT {
  private static final LocalDate DAY = LocalDate.of(2025, 9, 1);

  private static void assertDenied(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(TremplinException.class)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
  }

  private static void writeEverything(CohortFixture f, Actor actor, LearnerId l) {
    InsertionPathService path = f.tremplin.insertion();
    path.recordProfile(
        actor,
        f.cohort.id(),
        l,
        new EligibilityProfile(List.of(new ProfileFact.EducationLevel(3)), List.of()));
    path.recordDiagnosis(
        actor,
        f.cohort.id(),
        l,
        new NewDiagnosis(DAY, StructureKind.ACI, List.of("RSA"), List.of()));
    path.recordContract(
        actor,
        f.cohort.id(),
        l,
        new InsertionContract(
            StructureKind.ACI, DAY, LocalDate.of(2026, 6, 30), 26, List.of(), List.of(), ""));
    path.recordPass(
        actor, f.cohort.id(), l, new PassIae("999992512345", DAY, List.of(), List.of()));
    path.recordExit(
        actor, f.cohort.id(), l, NewExit.of(LocalDate.of(2026, 1, 9), ExitSituation.CDI));
  }

  private static int rowsWritten(CohortFixture f) {
    return f.rows("tremplin_eligibility_profile")
        + f.rows("tremplin_eligibility_diagnosis")
        + f.rows("tremplin_insertion_contract")
        + f.rows("tremplin_pass_iae")
        + f.rows("tremplin_exit");
  }

  @AllDatabases
  void theReferentCoachAndTheManagerWrite(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    f.tremplin.referents().assign(f.manager, f.learner(0).id(), "coach-1", DAY);
    writeEverything(f, f.coach, f.learner(0).id());
    writeEverything(f, f.manager, f.learner(1).id());
    assertThat(rowsWritten(f)).isEqualTo(10);
  }

  @AllDatabases
  void anotherCoachATrainerAndAnAdminAreDeniedAndNothingIsWritten(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    LearnerId l = f.learner(0).id();
    f.tremplin.referents().assign(f.manager, l, "coach-1", DAY);
    Actor otherCoach = Actor.of("coach-2", Role.COACH, new Scope.OfSchool(f.school.id()));

    for (Actor actor : List.of(otherCoach, f.trainer, f.admin, f.asLearner(0))) {
      assertDenied(() -> writeEverything(f, actor, l));
      InsertionPathService path = f.tremplin.insertion();
      assertDenied(
          () ->
              path.recordDiagnosis(
                  actor,
                  f.cohort.id(),
                  l,
                  new NewDiagnosis(DAY, StructureKind.ACI, List.of("RSA"), List.of())));
      assertDenied(
          () -> path.recordExit(actor, f.cohort.id(), l, NewExit.of(DAY, ExitSituation.CDI)));
      assertDenied(
          () ->
              path.recordPass(
                  actor, f.cohort.id(), l, new PassIae("1", DAY, List.of(), List.of())));
    }
    assertThat(rowsWritten(f)).isZero();

    InsertionPathService path = f.tremplin.insertion();
    for (Actor reader : List.of(otherCoach, f.trainer, f.admin)) {
      assertDenied(() -> path.diagnoses(reader, f.cohort.id(), l));
      assertDenied(() -> path.exit(reader, f.cohort.id(), l));
      assertDenied(() -> path.contract(reader, f.cohort.id(), l, DAY));
    }
  }

  @AllDatabases
  void aCoachLosesAccessWhenTheLearnerChangesReferent(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    LearnerId l = f.learner(0).id();
    f.tremplin.referents().assign(f.manager, l, "coach-1", DAY);
    f.tremplin
        .insertion()
        .recordExit(f.coach, f.cohort.id(), l, NewExit.of(DAY, ExitSituation.CDI));
    f.tremplin.referents().assign(f.manager, l, "coach-2", DAY.plusDays(7));
    assertDenied(() -> f.tremplin.insertion().exit(f.coach, f.cohort.id(), l));
  }

  @AllDatabases
  void aLearnerReadsTheirOwnExitButNotAnothersAndWritesNothing(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    InsertionPathService path = f.tremplin.insertion();
    LocalDate left = LocalDate.of(2026, 1, 9);
    path.recordExit(
        f.manager, f.cohort.id(), f.learner(0).id(), NewExit.of(left, ExitSituation.CDI));
    path.recordExit(
        f.manager, f.cohort.id(), f.learner(1).id(), NewExit.of(left, ExitSituation.INACTIF));

    assertThat(path.exit(f.asLearner(0), f.cohort.id(), f.learner(0).id()))
        .map(e -> e.classification().situation())
        .contains(ExitSituation.CDI);
    assertDenied(() -> path.exit(f.asLearner(0), f.cohort.id(), f.learner(1).id()));
    assertDenied(() -> path.exitHistory(f.asLearner(0), f.cohort.id(), f.learner(1).id()));
    assertDenied(
        () ->
            path.correctExit(
                f.asLearner(0),
                f.cohort.id(),
                f.learner(0).id(),
                NewExit.of(left, ExitSituation.FORMATION_QUALIFIANTE),
                "I started a training"));
    // The list of follow-ups due is a cohort view: not for a learner.
    assertDenied(() -> path.followUpsDue(f.asLearner(0), f.cohort.id(), LocalDate.of(2026, 7, 9)));
    assertThat(f.rows("tremplin_exit")).isEqualTo(2);
  }
}

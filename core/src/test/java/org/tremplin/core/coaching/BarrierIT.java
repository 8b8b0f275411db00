package org.tremplin.core.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.coaching.Barrier;
import org.tremplin.api.coaching.BarrierCategory;
import org.tremplin.api.coaching.BarrierSeverity;
import org.tremplin.api.coaching.BarrierStatus;
import org.tremplin.api.coaching.BarrierStatusChange;
import org.tremplin.api.coaching.CoachingService;
import org.tremplin.api.coaching.NewBarrier;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** Barriers and their append-only status history, on both databases. */
class BarrierIT {
  private static final LocalDate OCT = LocalDate.of(2025, 10, 6);
  private static final LocalDate NOV = LocalDate.of(2025, 11, 3);
  private static final LocalDate DEC = LocalDate.of(2025, 12, 1);
  private static final NewBarrier HOUSING =
      new NewBarrier(BarrierCategory.HOUSING, BarrierSeverity.HIGH, OCT, "Hébergée chez un tiers");

  private static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOf(TremplinException.class)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(code);
  }

  private static CohortFixture caseload(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    f.tremplin.referents().assign(f.manager, f.learner(0).id(), "coach-1", CohortFixture.START);
    return f;
  }

  @AllDatabases
  void aBarrierRoundTripsAndItsStatusChangesAppendHistory(TestDatabase db) {
    CohortFixture f = caseload(db);
    CoachingService coaching = f.tremplin.coaching();
    LearnerId a = f.learner(0).id();

    Barrier opened = coaching.openBarrier(f.coach, f.cohort.id(), a, HOUSING);
    coaching.openBarrier(
        f.coach,
        f.cohort.id(),
        a,
        new NewBarrier(BarrierCategory.MOBILITY, BarrierSeverity.LOW, NOV, "Pas de permis"));
    coaching.changeBarrierStatus(
        f.coach, f.cohort.id(), a, opened.id(), BarrierStatus.IN_PROGRESS, NOV, "Dossier SIAO");
    Barrier resolved =
        coaching.changeBarrierStatus(
            f.manager, f.cohort.id(), a, opened.id(), BarrierStatus.RESOLVED, DEC, "Logé en FJT");

    assertThat(resolved.status()).isEqualTo(BarrierStatus.RESOLVED);
    assertThat(resolved.result()).contains("Logé en FJT");
    assertThat(resolved.closedOn()).contains(DEC);
    assertThat(f.rows("tremplin_barrier_status")).isEqualTo(4);

    var listed = coaching.barriers(f.asLearner(0), f.cohort.id(), a);
    assertThat(listed)
        .extracting(Barrier::category, Barrier::severity, Barrier::openedOn, Barrier::status)
        .containsExactly(
            tuple(BarrierCategory.HOUSING, BarrierSeverity.HIGH, OCT, BarrierStatus.RESOLVED),
            tuple(BarrierCategory.MOBILITY, BarrierSeverity.LOW, NOV, BarrierStatus.OPEN));
    assertThat(listed.get(0).description()).isEqualTo("Hébergée chez un tiers");
    assertThat(listed.get(0).history())
        .extracting(
            BarrierStatusChange::status,
            BarrierStatusChange::on,
            BarrierStatusChange::note,
            BarrierStatusChange::recordedBy)
        .containsExactly(
            tuple(BarrierStatus.OPEN, OCT, "", "coach-1"),
            tuple(BarrierStatus.IN_PROGRESS, NOV, "Dossier SIAO", "coach-1"),
            tuple(BarrierStatus.RESOLVED, DEC, "Logé en FJT", "manager-1"));
  }

  @AllDatabases
  void aClosedBarrierNoLongerChangesAndRefusedChangesAppendNothing(TestDatabase db) {
    CohortFixture f = caseload(db);
    CoachingService coaching = f.tremplin.coaching();
    LearnerId a = f.learner(0).id();
    var id = coaching.openBarrier(f.coach, f.cohort.id(), a, HOUSING).id();
    coaching.changeBarrierStatus(f.coach, f.cohort.id(), a, id, BarrierStatus.IN_PROGRESS, NOV, "");

    assertCode(
        () ->
            coaching.changeBarrierStatus(
                f.coach, f.cohort.id(), a, id, BarrierStatus.IN_PROGRESS, DEC, ""),
        ErrorCode.INVALID_ARGUMENT);
    assertCode(
        () ->
            coaching.changeBarrierStatus(
                f.coach, f.cohort.id(), a, id, BarrierStatus.OPEN, OCT, "Retour en arrière"),
        ErrorCode.INVALID_ARGUMENT);
    assertCode(
        () ->
            coaching.changeBarrierStatus(
                f.coach, f.cohort.id(), a, id, BarrierStatus.RESOLVED, DEC, " "),
        ErrorCode.INVALID_ARGUMENT);
    assertCode(
        () ->
            coaching.changeBarrierStatus(
                f.coach,
                f.cohort.id(),
                f.learner(1).id(),
                id,
                BarrierStatus.RESOLVED,
                DEC,
                "Mauvais dossier"),
        ErrorCode.ACCESS_DENIED);
    assertThat(f.rows("tremplin_barrier_status")).isEqualTo(2);

    coaching.changeBarrierStatus(
        f.coach, f.cohort.id(), a, id, BarrierStatus.ABANDONED, DEC, "Refus de la personne");
    assertCode(
        () ->
            coaching.changeBarrierStatus(
                f.coach, f.cohort.id(), a, id, BarrierStatus.IN_PROGRESS, DEC, ""),
        ErrorCode.BARRIER_CLOSED);
    assertCode(
        () ->
            coaching.changeBarrierStatus(
                f.coach,
                f.cohort.id(),
                a,
                org.tremplin.api.coaching.BarrierId.random(),
                BarrierStatus.IN_PROGRESS,
                DEC,
                ""),
        ErrorCode.BARRIER_NOT_FOUND);
    assertThat(f.rows("tremplin_barrier_status")).isEqualTo(3);
  }

  @AllDatabases
  void barriersAreCaseloadDataThatOtherCoachesAndTrainersNeitherReadNorWrite(TestDatabase db) {
    CohortFixture f = caseload(db);
    CoachingService coaching = f.tremplin.coaching();
    LearnerId a = f.learner(0).id();
    Actor other = Actor.of("coach-2", Role.COACH, new Scope.OfSchool(f.school.id()));

    assertCode(
        () -> coaching.openBarrier(other, f.cohort.id(), a, HOUSING), ErrorCode.ACCESS_DENIED);
    assertCode(
        () -> coaching.openBarrier(f.trainer, f.cohort.id(), a, HOUSING), ErrorCode.ACCESS_DENIED);
    assertCode(
        () -> coaching.openBarrier(f.asLearner(0), f.cohort.id(), a, HOUSING),
        ErrorCode.ACCESS_DENIED);
    assertCode(
        () -> coaching.openBarrier(f.coach, f.cohort.id(), f.learner(1).id(), HOUSING),
        ErrorCode.ACCESS_DENIED);
    assertCode(
        () ->
            coaching.openBarrier(
                f.coach,
                f.cohort.id(),
                a,
                new NewBarrier(
                    BarrierCategory.DIGITAL,
                    BarrierSeverity.LOW,
                    LocalDate.of(2026, 2, 1),
                    "Pas d'ordinateur")),
        ErrorCode.INVALID_ARGUMENT);
    assertThat(f.rows("tremplin_barrier")).isZero();
    assertThat(f.rows("tremplin_barrier_status")).isZero();

    coaching.openBarrier(f.coach, f.cohort.id(), a, HOUSING);
    assertCode(() -> coaching.barriers(other, f.cohort.id(), a), ErrorCode.ACCESS_DENIED);
    assertCode(() -> coaching.barriers(f.trainer, f.cohort.id(), a), ErrorCode.ACCESS_DENIED);
    assertThat(coaching.barriers(f.manager, f.cohort.id(), a)).hasSize(1);
  }
}

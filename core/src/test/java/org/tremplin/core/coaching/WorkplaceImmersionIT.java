package org.tremplin.core.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.coaching.CoachingService;
import org.tremplin.api.coaching.ImmersionObjective;
import org.tremplin.api.coaching.NewImmersion;
import org.tremplin.api.coaching.WorkplaceImmersion;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** Company immersions (PMSMP) and their one-month limit, on both databases. */
class WorkplaceImmersionIT {
  private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

  private static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOf(TremplinException.class)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(code);
  }

  private static NewImmersion at(LocalDate first, LocalDate last) {
    return new NewImmersion(
        ImmersionObjective.CONFIRM_PROJECT, "Agence Web Solidaire", "M. Traoré", first, last);
  }

  @AllDatabases
  void anImmersionOfExactlyOneMonthRoundTrips(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    f.tremplin.referents().assign(f.manager, f.learner(0).id(), "coach-1", CohortFixture.START);
    CoachingService coaching = f.tremplin.coaching();
    LearnerId a = f.learner(0).id();

    WorkplaceImmersion planned =
        coaching.planImmersion(f.coach, f.cohort.id(), a, at(MARCH_2, LocalDate.of(2026, 4, 1)));

    assertThat(coaching.immersions(f.asLearner(0), f.cohort.id(), a)).containsExactly(planned);
    assertThat(planned.tutor()).isEqualTo("M. Traoré");
    assertThat(planned.recordedBy()).isEqualTo("coach-1");
  }

  @AllDatabases
  void anImmersionLongerThanOneMonthIsRefusedAndLeavesNoRow(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    f.tremplin.referents().assign(f.manager, f.learner(0).id(), "coach-1", CohortFixture.START);
    CoachingService coaching = f.tremplin.coaching();
    LearnerId a = f.learner(0).id();
    Actor other = Actor.of("coach-2", Role.COACH, new Scope.OfSchool(f.school.id()));

    assertCode(
        () ->
            coaching.planImmersion(
                f.coach, f.cohort.id(), a, at(MARCH_2, LocalDate.of(2026, 4, 2))),
        ErrorCode.IMMERSION_TOO_LONG);
    assertCode(
        () -> coaching.planImmersion(other, f.cohort.id(), a, at(MARCH_2, MARCH_2)),
        ErrorCode.ACCESS_DENIED);
    assertCode(() -> coaching.immersions(other, f.cohort.id(), a), ErrorCode.ACCESS_DENIED);
    assertCode(() -> at(MARCH_2, MARCH_2.minusDays(1)), ErrorCode.INVALID_ARGUMENT);
    assertThat(f.rows("tremplin_immersion")).isZero();
  }
}

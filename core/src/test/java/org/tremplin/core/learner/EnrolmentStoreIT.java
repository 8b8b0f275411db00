package org.tremplin.core.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.EnrolmentEvent;
import org.tremplin.api.learner.EnrolmentEventKind;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.learner.LearnerName;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class EnrolmentStoreIT {
  private static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOf(TremplinException.class)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(code);
  }

  @AllDatabases
  void joinLeaveAndReenterAreKeptAsHistoryWithDerivedPeriods(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var learners = f.tremplin.learners();
    var l = f.learner(0).id();
    learners.leave(f.coach, f.cohort.id(), l, LocalDate.of(2025, 11, 14), "déménagement");
    learners.reenter(f.coach, f.cohort.id(), l, LocalDate.of(2026, 1, 5));

    Enrolment e = learners.enrolment(f.coach, f.cohort.id(), l);

    assertThat(e.history())
        .extracting(EnrolmentEvent::kind)
        .containsExactly(
            EnrolmentEventKind.JOINED, EnrolmentEventKind.LEFT, EnrolmentEventKind.REENTERED);
    assertThat(e.history().get(1).reason()).isEqualTo("déménagement");
    assertThat(e.periods(CohortFixture.END))
        .containsExactly(
            DateRange.parse("2025-09-01/2025-11-13"), DateRange.parse("2026-01-05/2026-06-30"));
    assertThat(e.active()).isTrue();
  }

  @AllDatabases
  void refusesImpossibleTransitionsAndWritesNothing(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var learners = f.tremplin.learners();
    var cohort = f.cohort.id();
    var l = f.learner(0).id();
    Learner newcomer = f.newcomer("Inès", "Haddad");

    assertCode(
        () -> learners.join(f.coach, cohort, l, LocalDate.of(2025, 9, 2)),
        ErrorCode.ENROLMENT_ALREADY_ENROLLED);
    assertCode(
        () -> learners.reenter(f.coach, cohort, l, LocalDate.of(2025, 9, 2)),
        ErrorCode.ENROLMENT_NOT_LEFT);
    assertCode(
        () -> learners.leave(f.coach, cohort, newcomer.id(), LocalDate.of(2025, 9, 2), "x"),
        ErrorCode.ENROLMENT_NOT_ENROLLED);
    assertCode(
        () -> learners.join(f.coach, cohort, newcomer.id(), LocalDate.of(2026, 7, 1)),
        ErrorCode.ENROLMENT_DATE_OUTSIDE_COHORT);
    learners.leave(f.coach, cohort, l, LocalDate.of(2025, 10, 1), "emploi");
    assertCode(
        () -> learners.reenter(f.coach, cohort, l, LocalDate.of(2025, 9, 15)),
        ErrorCode.ENROLMENT_DATE_OUT_OF_ORDER);
    assertCode(
        () -> learners.join(f.coach, cohort, l, LocalDate.of(2025, 10, 2)),
        ErrorCode.ENROLMENT_NOT_LEFT);

    assertThat(f.rows("tremplin_enrolment_event")).isEqualTo(2);
  }

  @AllDatabases
  void aFullCohortRefusesAnotherLearnerUntilSomeoneLeaves(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2, 2);
    var learners = f.tremplin.learners();
    Learner third = f.newcomer("Moussa", "Traoré");

    assertCode(
        () -> learners.join(f.coach, f.cohort.id(), third.id(), LocalDate.of(2025, 9, 8)),
        ErrorCode.COHORT_FULL);
    learners.leave(f.coach, f.cohort.id(), f.learner(0).id(), LocalDate.of(2025, 9, 8), "emploi");
    learners.join(f.coach, f.cohort.id(), third.id(), LocalDate.of(2025, 9, 8));

    assertThat(learners.learners(f.coach, f.cohort.id())).hasSize(3);
    assertThat(learners.enrolments(f.coach, f.cohort.id()).stream().filter(Enrolment::active))
        .hasSize(2);
  }

  @AllDatabases
  void learnersAreStoredAndUnknownOnesAreNotFound(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    Learner l = f.newcomer("  Aïcha ", "Benali");

    assertThat(f.tremplin.learners().get(f.coach, l.id()))
        .isEqualTo(new Learner(l.id(), f.school.id(), "Aïcha", "Benali"));
    assertCode(
        () -> f.tremplin.learners().get(f.coach, org.tremplin.api.LearnerId.random()),
        ErrorCode.LEARNER_NOT_FOUND);
    assertCode(() -> f.newcomer(" ", "X"), ErrorCode.INVALID_ARGUMENT);
  }

  @AllDatabases
  void registeringSeveralLearnersWritesThemAllOrRefusesWithoutWriting(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    var learners = f.tremplin.learners();
    int before = f.rows("tremplin_learner");

    List<Learner> registered =
        learners.registerAll(
            f.manager,
            f.school.id(),
            List.of(new LearnerName("Awa", "Diallo"), new LearnerName(" Léo ", "Martin")));

    assertThat(registered)
        .extracting(Learner::displayName)
        .containsExactly("Awa Diallo", "Léo Martin");
    assertThat(learners.get(f.manager, registered.get(1).id())).isEqualTo(registered.get(1));
    assertThat(f.rows("tremplin_learner")).isEqualTo(before + 2);
    assertCode(
        () ->
            learners.registerAll(
                f.trainer, f.school.id(), List.of(new LearnerName("Refusé", "Formateur"))),
        ErrorCode.ACCESS_DENIED);
    assertThat(f.rows("tremplin_learner")).isEqualTo(before + 2);
    assertThat(learners.registerAll(f.manager, f.school.id(), List.of())).isEmpty();
  }
}

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
import org.tremplin.api.coaching.Action;
import org.tremplin.api.coaching.ActionId;
import org.tremplin.api.coaching.ActionOwner;
import org.tremplin.api.coaching.ActionPlan;
import org.tremplin.api.coaching.ActionStatus;
import org.tremplin.api.coaching.BarrierCategory;
import org.tremplin.api.coaching.BarrierId;
import org.tremplin.api.coaching.BarrierSeverity;
import org.tremplin.api.coaching.CoachingService;
import org.tremplin.api.coaching.NewAction;
import org.tremplin.api.coaching.NewBarrier;
import org.tremplin.api.coaching.NewObjective;
import org.tremplin.api.coaching.NewReferral;
import org.tremplin.api.coaching.Objective;
import org.tremplin.api.coaching.ObjectiveFocus;
import org.tremplin.api.coaching.ObjectiveId;
import org.tremplin.api.coaching.Partner;
import org.tremplin.api.coaching.Referral;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** Action plans (objectives, actions) and referrals, on both databases. */
class ActionPlanIT {
  private static final LocalDate OCT = LocalDate.of(2025, 10, 6);
  private static final LocalDate NOV = LocalDate.of(2025, 11, 3);

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
  void anActionPlanWithObjectivesActionsAndReferralsRoundTrips(TestDatabase db) {
    CohortFixture f = caseload(db);
    CoachingService coaching = f.tremplin.coaching();
    LearnerId a = f.learner(0).id();
    BarrierId mobility =
        coaching
            .openBarrier(
                f.coach,
                f.cohort.id(),
                a,
                new NewBarrier(BarrierCategory.MOBILITY, BarrierSeverity.MEDIUM, OCT, "Permis"))
            .id();

    Objective project =
        coaching.addObjective(
            f.coach,
            f.cohort.id(),
            a,
            new NewObjective(
                "Devenir développeuse front-end", new ObjectiveFocus.CareerProject(), OCT));
    Objective licence =
        coaching.addObjective(
            f.coach,
            f.cohort.id(),
            a,
            new NewObjective("Passer le permis B", new ObjectiveFocus.OnBarrier(mobility), NOV));
    Action later =
        coaching.addAction(
            f.coach,
            f.cohort.id(),
            a,
            project.id(),
            new NewAction("Trois candidatures", ActionOwner.LEARNER, LocalDate.of(2026, 3, 1)));
    Action sooner =
        coaching.addAction(
            f.coach,
            f.cohort.id(),
            a,
            project.id(),
            new NewAction("Enquête métier", ActionOwner.COACH, LocalDate.of(2025, 12, 1)));
    coaching.addAction(
        f.coach,
        f.cohort.id(),
        a,
        licence.id(),
        new NewAction("Aide au permis", ActionOwner.PARTNER, LocalDate.of(2026, 2, 1)));
    assertThat(
            coaching
                .closeAction(f.coach, f.cohort.id(), a, sooner.id(), ActionStatus.DONE)
                .status())
        .isEqualTo(ActionStatus.DONE);
    Referral referral =
        coaching.refer(
            f.coach,
            f.cohort.id(),
            a,
            new NewReferral(Partner.MISSION_LOCALE, NOV, "Aide au permis de conduire"));

    ActionPlan plan = coaching.actionPlan(f.asLearner(0), f.cohort.id(), a);

    assertThat(plan.objectives())
        .extracting(Objective::title, Objective::focus, Objective::setOn)
        .containsExactly(
            tuple("Devenir développeuse front-end", new ObjectiveFocus.CareerProject(), OCT),
            tuple("Passer le permis B", new ObjectiveFocus.OnBarrier(mobility), NOV));
    assertThat(plan.objectives().get(0).actions())
        .extracting(Action::id, Action::owner, Action::status)
        .containsExactly(
            tuple(sooner.id(), ActionOwner.COACH, ActionStatus.DONE),
            tuple(later.id(), ActionOwner.LEARNER, ActionStatus.TODO));
    assertThat(plan.objectives().get(1).actions())
        .singleElement()
        .satisfies(x -> assertThat(x.description()).isEqualTo("Aide au permis"));
    assertThat(plan.referrals()).containsExactly(referral);
    assertThat(referral.recordedBy()).isEqualTo("coach-1");
  }

  @AllDatabases
  void refusedPlanWritesLeaveNoRows(TestDatabase db) {
    CohortFixture f = caseload(db);
    CoachingService coaching = f.tremplin.coaching();
    LearnerId a = f.learner(0).id();
    LearnerId b = f.learner(1).id();
    Actor other = Actor.of("coach-2", Role.COACH, new Scope.OfSchool(f.school.id()));
    NewObjective project = new NewObjective("Projet", new ObjectiveFocus.CareerProject(), OCT);

    assertCode(
        () -> coaching.addObjective(other, f.cohort.id(), a, project), ErrorCode.ACCESS_DENIED);
    assertCode(
        () ->
            coaching.addObjective(
                f.coach,
                f.cohort.id(),
                a,
                new NewObjective("Frein", new ObjectiveFocus.OnBarrier(BarrierId.random()), OCT)),
        ErrorCode.BARRIER_NOT_FOUND);
    assertCode(
        () ->
            coaching.addAction(
                f.coach,
                f.cohort.id(),
                a,
                ObjectiveId.random(),
                new NewAction("X", ActionOwner.LEARNER, NOV)),
        ErrorCode.OBJECTIVE_NOT_FOUND);
    assertCode(
        () ->
            coaching.refer(
                other, f.cohort.id(), a, new NewReferral(Partner.HEALTH, NOV, "Bilan de santé")),
        ErrorCode.ACCESS_DENIED);
    assertCode(() -> coaching.actionPlan(other, f.cohort.id(), a), ErrorCode.ACCESS_DENIED);
    assertCode(() -> coaching.actionPlan(f.coach, f.cohort.id(), b), ErrorCode.ACCESS_DENIED);
    assertThat(f.rows("tremplin_objective")).isZero();
    assertThat(f.rows("tremplin_action")).isZero();
    assertThat(f.rows("tremplin_referral")).isZero();

    Objective mine = coaching.addObjective(f.coach, f.cohort.id(), a, project);
    Action action =
        coaching.addAction(
            f.coach, f.cohort.id(), a, mine.id(), new NewAction("X", ActionOwner.LEARNER, NOV));
    coaching.closeAction(f.coach, f.cohort.id(), a, action.id(), ActionStatus.CANCELLED);
    assertCode(
        () -> coaching.closeAction(f.coach, f.cohort.id(), a, action.id(), ActionStatus.DONE),
        ErrorCode.ACTION_ALREADY_CLOSED);
    assertCode(
        () -> coaching.closeAction(f.coach, f.cohort.id(), a, ActionId.random(), ActionStatus.DONE),
        ErrorCode.ACTION_NOT_FOUND);
    assertCode(
        () -> coaching.closeAction(other, f.cohort.id(), a, action.id(), ActionStatus.DONE),
        ErrorCode.ACCESS_DENIED);
    assertThat(coaching.actionPlan(f.manager, f.cohort.id(), a).objectives().get(0).actions())
        .extracting(Action::status)
        .containsExactly(ActionStatus.CANCELLED);
  }
}

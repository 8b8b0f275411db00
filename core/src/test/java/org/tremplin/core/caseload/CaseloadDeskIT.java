package org.tremplin.core.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class CaseloadDeskIT {
  private static final LocalDate SEPT = LocalDate.of(2025, 9, 1);

  @AllDatabases
  void aCoachsCaseloadIsTheirRefereesEachInTheCohortOfTheirLatestEnrolment(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 3);
    Cohort spring = springCohort(f);
    Learner mover = f.learner(1);
    f.tremplin
        .learners()
        .leave(f.manager, f.cohort.id(), mover.id(), LocalDate.of(2025, 12, 1), "moved");
    f.tremplin.learners().join(f.manager, spring.id(), mover.id(), LocalDate.of(2026, 1, 5));
    Learner unenrolled = f.newcomer("Jamais", "Inscrite");
    for (Learner l : List.of(f.learner(0), mover, unenrolled)) {
      f.tremplin.referents().assign(f.manager, l.id(), "coach-1", SEPT);
    }
    f.tremplin.referents().assign(f.manager, f.learner(2).id(), "coach-2", SEPT);

    List<CaseMember> caseload = f.tremplin.caseloads().caseload(f.coach);

    assertThat(caseload)
        .extracting(m -> m.learner().id(), m -> m.cohort().id(), CaseMember::referentCoach)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(f.learner(0).id(), f.cohort.id(), "coach-1"),
            org.assertj.core.groups.Tuple.tuple(mover.id(), spring.id(), "coach-1"));
  }

  @AllDatabases
  void aCoachLaunchedForOneCohortSeesOnlyTheRefereesOfThatCohort(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    Cohort spring = springCohort(f);
    Learner other = f.newcomer("Autre", "Promo");
    f.tremplin.learners().join(f.manager, spring.id(), other.id(), LocalDate.of(2026, 1, 5));
    f.tremplin.referents().assign(f.manager, f.learner(0).id(), "coach-1", SEPT);
    f.tremplin.referents().assign(f.manager, other.id(), "coach-1", SEPT);
    Actor ofCohort =
        Actor.of("coach-1", Role.COACH, new Scope.OfCohort(f.school.id(), f.cohort.id()));

    assertThat(f.tremplin.caseloads().caseload(ofCohort))
        .extracting(m -> m.learner().id())
        .containsExactly(f.learner(0).id());
  }

  @AllDatabases
  void aFileIsKeptByTheReferentCoachAndTheSchoolsManagersOnly(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    var learner = f.learner(0).id();
    f.tremplin.referents().assign(f.manager, learner, "coach-1", SEPT);

    assertThat(f.tremplin.caseloads().member(f.coach, learner).cohort().id())
        .isEqualTo(f.cohort.id());
    assertThat(f.tremplin.caseloads().member(f.manager, learner).referentCoach())
        .isEqualTo("coach-1");
    Actor otherCoach = Actor.of("coach-2", Role.COACH, new Scope.OfSchool(f.school.id()));
    for (Actor refused : List.of(otherCoach, f.trainer, f.asLearner(0), f.admin)) {
      assertThatThrownBy(() -> f.tremplin.caseloads().member(refused, learner))
          .as(refused.id())
          .extracting(e -> ((TremplinException) e).code())
          .isEqualTo(ErrorCode.ACCESS_DENIED);
    }
    Learner unenrolled = f.newcomer("Jamais", "Inscrite");
    assertThatThrownBy(() -> f.tremplin.caseloads().member(f.manager, unenrolled.id()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.LEARNER_NOT_ENROLLED);
  }

  private static Cohort springCohort(CohortFixture f) {
    return f.tremplin
        .cohorts()
        .open(
            f.manager,
            new NewCohort(
                f.school.id(),
                "Promo printemps",
                new DateRange(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 11, 27)),
                f.tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref(),
                12,
                List.of()));
  }
}

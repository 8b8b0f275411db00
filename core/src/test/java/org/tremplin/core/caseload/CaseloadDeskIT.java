package org.tremplin.core.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.coaching.MeetingStatus;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.eligibility.StructureKind;
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
    assertThat(f.tremplin.caseloads().member(f.coach, learner).enrolled()).isTrue();
    f.tremplin
        .learners()
        .leave(f.manager, f.cohort.id(), learner, LocalDate.of(2025, 12, 1), "moved");
    assertThat(f.tremplin.caseloads().member(f.coach, learner).enrolled()).isFalse();
    Learner unenrolled = f.newcomer("Jamais", "Inscrite");
    assertThatThrownBy(() -> f.tremplin.caseloads().member(f.manager, unenrolled.id()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.LEARNER_NOT_ENROLLED);
  }

  @AllDatabases
  void aThirtyLearnerOverviewReadInBulkSaysWhatTheServicesSayOneByOneInTheCaseloadsOrder(
      TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 24, 24);
    Cohort spring = springCohort(f);
    LocalDate today = LocalDate.of(2026, 1, 9);
    List<Map.Entry<CohortId, LearnerId>> thirty = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      if (i < 24) {
        thirty.add(Map.entry(f.cohort.id(), f.learner(i).id()));
      } else {
        Learner late = f.newcomer("Printemps" + i, "Nom" + i);
        f.tremplin.learners().join(f.manager, spring.id(), late.id(), LocalDate.of(2026, 1, 5));
        thirty.add(Map.entry(spring.id(), late.id()));
      }
    }
    for (int i = 0; i < 30; i++) {
      var c = thirty.get(i).getKey();
      var l = thirty.get(i).getValue();
      f.tremplin.referents().assign(f.manager, l, i == 29 ? "coach-2" : "coach-1", SEPT);
      if (i % 3 == 0) {
        f.tremplin
            .insertion()
            .recordContract(
                f.coach,
                c,
                l,
                new InsertionContract(
                    StructureKind.ACI,
                    SEPT,
                    LocalDate.of(2026, 1, 31).plusDays(i),
                    26,
                    i % 6 == 0
                        ? List.of(
                            new ContractAmendment(
                                LocalDate.of(2025, 12, 1), LocalDate.of(2026, 6, 30), 30))
                        : List.of(),
                    i % 9 == 0
                        ? List.of(new Suspension(DateRange.parse("2025-10-06/2025-10-10"), "stage"))
                        : List.of(),
                    ""));
      }
      if (i % 4 == 0) {
        f.tremplin
            .insertion()
            .recordPass(
                f.coach,
                c,
                l,
                new PassIae(
                    "99999251" + (1000 + i),
                    SEPT,
                    i % 8 == 0
                        ? List.of(
                            new Suspension(DateRange.parse("2025-11-03/2025-11-07"), "emploi"))
                        : List.of(),
                    i % 12 == 0 ? List.of(new PassProlongation(30, "formation")) : List.of()));
      }
      if (i % 2 == 0) {
        var met =
            f.tremplin
                .coaching()
                .planMeeting(f.coach, c, l, today.minusDays(i + 1).atTime(14, 0), "");
        f.tremplin
            .coaching()
            .recordOutcome(f.coach, c, l, met.id(), new MeetingOutcome.Held("", "c"));
      }
      if (i % 5 == 0) {
        f.tremplin.coaching().planMeeting(f.coach, c, l, today.plusDays(i).atTime(10, 0), "");
      }
      if (i % 7 == 0) {
        f.tremplin
            .alerts()
            .raise(f.manager, c, l, List.of(new RiskSignal.MissedMeetings(2)), today);
      }
    }
    int audited = f.rows("tremplin_audit");

    List<CaseSummary> overview = f.tremplin.caseloads().overview(f.coach, today);

    assertThat(f.rows("tremplin_audit") - audited).isEqualTo(29 * 3);
    assertThat(overview)
        .extracting(s -> s.member().learner().id())
        .containsExactlyElementsOf(
            f.tremplin.caseloads().caseload(f.coach).stream().map(m -> m.learner().id()).toList())
        .hasSize(29);
    for (CaseSummary s : overview) {
      var cohort = s.member().cohort().id();
      var l = s.member().learner().id();
      List<CoachingMeeting> meetings = f.tremplin.coaching().meetings(f.coach, cohort, l);
      assertThat(s.openAlerts()).isEqualTo(f.tremplin.alerts().open(f.coach, cohort, l));
      assertThat(s.contract())
          .isEqualTo(f.tremplin.insertion().contract(f.coach, cohort, l, today));
      assertThat(s.pass()).isEqualTo(f.tremplin.insertion().pass(f.coach, cohort, l, today));
      assertThat(s.lastHeld())
          .isEqualTo(
              meetings.stream()
                  .filter(m -> m.status() instanceof MeetingStatus.Held)
                  .map(m -> m.plannedAt().toLocalDate())
                  .max(Comparator.naturalOrder()));
      assertThat(s.nextPlanned())
          .isEqualTo(
              meetings.stream()
                  .filter(m -> m.status() instanceof MeetingStatus.Planned)
                  .map(CoachingMeeting::plannedAt)
                  .min(Comparator.naturalOrder()));
    }
    assertThat(overview).filteredOn(s -> s.contract().isPresent()).hasSize(10);
    assertThat(overview).filteredOn(s -> s.pass().isPresent()).hasSize(8);
    assertThat(overview).filteredOn(s -> !s.openAlerts().isEmpty()).hasSize(5);
    assertThat(overview).filteredOn(s -> s.nextPlanned().isPresent()).hasSize(6);
  }

  @AllDatabases
  void anEmptyCaseloadsOverviewIsEmptyAndAuditsNothing(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    int audited = f.rows("tremplin_audit");

    assertThat(f.tremplin.caseloads().overview(f.coach, LocalDate.of(2026, 1, 9))).isEmpty();
    assertThat(f.rows("tremplin_audit")).isEqualTo(audited);
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

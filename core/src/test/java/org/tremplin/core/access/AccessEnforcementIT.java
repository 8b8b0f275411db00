package org.tremplin.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.tremplin.api.CohortId;
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
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The services enforce role and scope themselves, on both databases, and write nothing when they
 * refuse.
 */
class AccessEnforcementIT {
  private static final LocalDate DAY = LocalDate.of(2025, 9, 9);

  private static void assertDenied(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(TremplinException.class)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
  }

  private static AttendanceEntry present(CohortFixture f, int n) {
    return new AttendanceEntry(f.learner(n).id(), HalfDay.am(DAY), AttendanceMark.of(Mark.PRESENT));
  }

  @AllDatabases
  void onlyTrainersOfTheCohortAndManagersOfTheSchoolRecordAttendance(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    var att = f.tremplin.attendance();
    Actor otherTrainer =
        Actor.of("trainer-9", Role.TRAINER, new Scope.OfCohort(f.school.id(), CohortId.random()));
    Actor otherManager = Actor.of("manager-9", Role.MANAGER, new Scope.OfSchool(SchoolId.random()));

    assertDenied(() -> att.record(otherTrainer, f.cohort.id(), present(f, 0)));
    assertDenied(() -> att.record(f.coach, f.cohort.id(), present(f, 0)));
    assertDenied(() -> att.record(f.asLearner(0), f.cohort.id(), present(f, 0)));
    assertDenied(() -> att.record(otherManager, f.cohort.id(), present(f, 0)));
    assertDenied(() -> att.record(f.admin, f.cohort.id(), present(f, 0)));
    assertThat(f.rows("tremplin_attendance")).isZero();

    assertThat(att.record(f.trainer, f.cohort.id(), present(f, 0)).recordedBy())
        .isEqualTo("trainer-1");
    assertThat(att.record(f.manager, f.cohort.id(), present(f, 1)).recordedBy())
        .isEqualTo("manager-1");
  }

  @AllDatabases
  void aLearnerReadsTheirOwnAttendanceAndEvidenceButNobodyElses(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    DateRange week = DateRange.parse("2025-09-08/2025-09-12");
    f.tremplin.attendance().record(f.trainer, f.cohort.id(), present(f, 0));

    assertThat(
            f.tremplin
                .attendance()
                .learnerRates(f.asLearner(0), f.cohort.id(), f.learner(0).id(), week)
                .attended())
        .isEqualTo(1);
    assertThat(
            f.tremplin
                .evidence()
                .readiness(f.asLearner(0), f.cohort.id(), f.learner(0).id())
                .ready())
        .isFalse();
    assertDenied(
        () ->
            f.tremplin
                .attendance()
                .learnerRates(f.asLearner(0), f.cohort.id(), f.learner(1).id(), week));
    assertDenied(() -> f.tremplin.attendance().cohortRates(f.asLearner(0), f.cohort.id(), week));
    assertDenied(() -> f.tremplin.attendance().sheet(f.asLearner(0), f.cohort.id(), DAY));
    assertDenied(() -> f.tremplin.evidence().readiness(f.asLearner(0), f.cohort.id()));
    assertDenied(
        () -> f.tremplin.evidence().readiness(f.asLearner(0), f.cohort.id(), f.learner(1).id()));
  }

  @AllDatabases
  void evidenceIsWrittenByTrainersAndManagersOnly(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    NewEvidence evidence =
        new NewEvidence(
            f.learner(0).id(),
            new EvidenceTarget.OnCompetency("CP1"),
            EvidenceSource.TRAINER_ASSESSMENT,
            AssessmentResult.ACQUIRED,
            "Mme Durand",
            DAY,
            "");

    assertDenied(() -> f.tremplin.evidence().record(f.coach, f.cohort.id(), evidence));
    assertDenied(() -> f.tremplin.evidence().record(f.asLearner(0), f.cohort.id(), evidence));
    assertThat(f.rows("tremplin_evidence")).isZero();
    f.tremplin.evidence().record(f.trainer, f.cohort.id(), evidence);
    assertThat(f.rows("tremplin_evidence")).isEqualTo(1);
  }

  @AllDatabases
  void enrolmentIsForCoachesAndManagersOfTheSchool(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    var newcomer = f.newcomer("Inès", "Haddad");

    assertDenied(() -> f.tremplin.learners().join(f.trainer, f.cohort.id(), newcomer.id(), DAY));
    assertDenied(() -> f.tremplin.learners().register(f.trainer, f.school.id(), "A", "B"));
    assertDenied(
        () ->
            f.tremplin
                .learners()
                .join(
                    Actor.of("coach-9", Role.COACH, new Scope.OfSchool(SchoolId.random())),
                    f.cohort.id(),
                    newcomer.id(),
                    DAY));
    assertThat(f.rows("tremplin_enrolment_event")).isZero();
    assertThat(
            f.tremplin
                .learners()
                .join(f.manager, f.cohort.id(), newcomer.id(), DAY)
                .history()
                .get(0)
                .recordedBy())
        .isEqualTo("manager-1");
  }

  @AllDatabases
  void programmesAreChangedByAdminsAndCohortsOpenedByTheSchoolsManagers(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    String template = f.tremplin.templates().exportJson(f.cohort.template());
    NewCohort next =
        new NewCohort(
            f.school.id(),
            "Promo 2026-2027",
            DateRange.parse("2026-09-07/2027-07-09"),
            f.tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref(),
            12,
            List.of());
    Actor otherManager = Actor.of("manager-9", Role.MANAGER, new Scope.OfSchool(SchoolId.random()));

    assertDenied(() -> f.tremplin.templates().importJson(f.manager, template));
    assertDenied(
        () ->
            f.tremplin
                .schools()
                .create(f.manager, "Autre", org.tremplin.api.school.Departement.of("93")));
    assertDenied(() -> f.tremplin.cohorts().open(otherManager, next));
    assertDenied(() -> f.tremplin.cohorts().open(f.trainer, next));
    assertThat(f.rows("tremplin_cohort")).isEqualTo(1);
    assertThat(f.rows("tremplin_programme_template")).isEqualTo(1);

    f.tremplin.cohorts().open(f.manager, next);
    f.tremplin.templates().importJson(f.admin, template);
    assertThat(f.rows("tremplin_cohort")).isEqualTo(2);
    assertThat(f.rows("tremplin_programme_template")).isEqualTo(2);
  }

  @AllDatabases
  void anAdminSeesCohortsButNoLearnerFile(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);

    assertThat(f.tremplin.cohorts().get(f.admin, f.cohort.id())).isEqualTo(f.cohort);
    assertDenied(() -> f.tremplin.attendance().sheet(f.admin, f.cohort.id(), DAY));
    assertDenied(() -> f.tremplin.evidence().readiness(f.admin, f.cohort.id()));
  }
}

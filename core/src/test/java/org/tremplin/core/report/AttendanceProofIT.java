package org.tremplin.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.report.AttendanceProof;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The attendance proof of a cohort of 3 over the week of 6–10 October 2025 (5 working days, 10
 * half-days): learner 0 present, late (10 min), then an unjustified absence corrected to a
 * justified one "certificat reçu" (2 attended, 1 justified, 7 unmarked, 1 correction, 7 h); learner
 * 1 present once (3.5 h) and marked on 13 October (outside the period); learner 2 never marked (10
 * unmarked). A test account is marked too and never listed.
 */
class AttendanceProofIT {
  private static final LocalDate OCT_6 = LocalDate.of(2025, 10, 6);
  private static final LocalDate OCT_7 = LocalDate.of(2025, 10, 7);
  private static final DateRange WEEK = new DateRange(OCT_6, LocalDate.of(2025, 10, 10));

  private static CohortFixture fixture(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 3);
    mark(f, f.learner(0).id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT));
    mark(f, f.learner(0).id(), HalfDay.pm(OCT_6), AttendanceMark.late(10));
    mark(f, f.learner(0).id(), HalfDay.am(OCT_7), AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED));
    f.tremplin
        .attendance()
        .correct(
            f.trainer,
            f.cohort.id(),
            new AttendanceEntry(
                f.learner(0).id(), HalfDay.am(OCT_7), AttendanceMark.of(Mark.ABSENT_JUSTIFIED)),
            "certificat reçu");
    mark(f, f.learner(1).id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT));
    mark(
        f,
        f.learner(1).id(),
        HalfDay.am(LocalDate.of(2025, 10, 13)),
        AttendanceMark.of(Mark.PRESENT));
    Learner test = f.newcomer("Test", "Étudiant");
    f.tremplin.learners().join(f.coach, f.cohort.id(), test.id(), CohortFixture.START);
    f.tremplin.funderFacts().markTestAccount(f.manager, f.cohort.id(), test.id(), true);
    mark(f, test.id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT));
    return f;
  }

  private static void mark(CohortFixture f, LearnerId l, HalfDay d, AttendanceMark m) {
    f.tremplin.attendance().record(f.trainer, f.cohort.id(), new AttendanceEntry(l, d, m));
  }

  @AllDatabases
  void theProofListsEveryHalfDayEveryVersionAndTheTotals(TestDatabase db) {
    CohortFixture f = fixture(db);
    AttendanceProof p = f.tremplin.reports().attendanceProof(f.manager, f.cohort.id(), WEEK);

    assertThat(p.school().id()).isEqualTo(f.school.id());
    assertThat(p.cohort().id()).isEqualTo(f.cohort.id());
    assertThat(p.generatedAt()).isEqualTo(CohortFixture.NOW);
    assertThat(p.halfDays()).hasSize(10).startsWith(HalfDay.am(OCT_6), HalfDay.pm(OCT_6));
    assertThat(p.learners())
        .extracting(s -> s.learner().learner())
        .containsExactly(f.learner(0).id(), f.learner(1).id(), f.learner(2).id());

    AttendanceProof.Sheet first = p.learners().get(0);
    assertThat(first.learner().displayName()).isEqualTo("Prénom1 Nom1");
    assertThat(first.lines()).hasSize(10);
    assertThat(first.attended()).isEqualTo(2);
    assertThat(first.justifiedAbsences()).isEqualTo(1);
    assertThat(first.unjustifiedAbsences()).isZero();
    assertThat(first.unmarked()).isEqualTo(7);
    assertThat(first.corrections()).isEqualTo(1);
    assertThat(first.attendedHours()).isEqualByComparingTo("7.0");
    List<AttendanceRecord> corrected = first.lines().get(2).versions();
    assertThat(corrected).hasSize(2);
    assertThat(corrected.get(0).mark().mark()).isEqualTo(Mark.ABSENT_UNJUSTIFIED);
    assertThat(corrected.get(1).mark().mark()).isEqualTo(Mark.ABSENT_JUSTIFIED);
    assertThat(corrected.get(1).recordedBy()).isEqualTo("trainer-1");
    assertThat(corrected.get(1).reason()).isEqualTo("certificat reçu");
    assertThat(first.lines().get(1).current().orElseThrow().mark().lateMinutes()).isEqualTo(10);

    AttendanceProof.Sheet second = p.learners().get(1);
    assertThat(second.attended()).isEqualTo(1);
    assertThat(second.unmarked()).isEqualTo(9);
    assertThat(second.attendedHours()).isEqualByComparingTo("3.5");
    assertThat(p.learners().get(2).unmarked()).isEqualTo(10);
  }

  @AllDatabases
  void onlyTheSchoolsManagerGetsTheProofForAtMostAYear(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    for (Actor refused : List.of(f.admin, f.trainer, f.coach, f.asLearner(0))) {
      assertThatThrownBy(() -> f.tremplin.reports().attendanceProof(refused, f.cohort.id(), WEEK))
          .extracting(e -> ((TremplinException) e).code())
          .isEqualTo(ErrorCode.ACCESS_DENIED);
    }
    assertThatThrownBy(
            () ->
                f.tremplin
                    .reports()
                    .attendanceProof(
                        f.manager, f.cohort.id(), new DateRange(OCT_6, OCT_6.plusDays(366))))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThatThrownBy(
            () ->
                f.tremplin
                    .reports()
                    .attendanceProof(f.manager, org.tremplin.api.CohortId.random(), WEEK))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.COHORT_NOT_FOUND);
  }
}

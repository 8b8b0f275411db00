package org.tremplin.core.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class AttendanceValidationIT {
  private static void assertRefused(
      CohortFixture f, List<AttendanceEntry> batch, ErrorCode code, String fragment) {
    assertThatThrownBy(() -> f.tremplin.attendance().recordAll(f.trainer, f.cohort.id(), batch))
        .isInstanceOf(TremplinException.class)
        .hasMessageContaining(fragment)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(code);
    assertThat(f.rows("tremplin_attendance")).isZero();
  }

  private static AttendanceEntry present(LearnerId l, LocalDate d) {
    return new AttendanceEntry(l, HalfDay.am(d), AttendanceMark.of(Mark.PRESENT));
  }

  @AllDatabases
  void refusesDaysOutsideTheCohortCalendarSayingWhy(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    LearnerId l = f.learner(0).id();
    LocalDate okDay = LocalDate.of(2025, 9, 9);

    assertRefused(
        f,
        List.of(present(l, okDay), present(l, LocalDate.of(2025, 9, 6))),
        ErrorCode.ATTENDANCE_DAY_NOT_IN_CALENDAR,
        "SATURDAY");
    assertRefused(
        f,
        List.of(present(l, LocalDate.of(2025, 11, 11))),
        ErrorCode.ATTENDANCE_DAY_NOT_IN_CALENDAR,
        "ARMISTICE_1918");
    assertRefused(
        f,
        List.of(present(l, LocalDate.of(2025, 12, 23))),
        ErrorCode.ATTENDANCE_DAY_NOT_IN_CALENDAR,
        "closed");
    assertRefused(
        f,
        List.of(present(l, LocalDate.of(2025, 8, 29))),
        ErrorCode.ATTENDANCE_DAY_NOT_IN_CALENDAR,
        "outside");
  }

  @AllDatabases
  void refusesHalfDaysInTheFuture(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    // The fixture's clock is Friday 9 January 2026: Monday 12 is in the future.
    assertRefused(
        f,
        List.of(present(f.learner(0).id(), LocalDate.of(2026, 1, 12))),
        ErrorCode.ATTENDANCE_IN_FUTURE,
        "2026-01-12");
  }

  @AllDatabases
  void refusesLearnersWhoAreNotEnrolledThatDay(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    LearnerId stranger = f.newcomer("Yanis", "Morel").id();
    LearnerId leaver = f.learner(0).id();
    f.tremplin
        .learners()
        .leave(f.coach, f.cohort.id(), leaver, LocalDate.of(2025, 10, 1), "emploi");

    assertRefused(
        f,
        List.of(present(stranger, LocalDate.of(2025, 9, 9))),
        ErrorCode.LEARNER_NOT_ENROLLED,
        stranger.toString());
    assertRefused(
        f,
        List.of(present(leaver, LocalDate.of(2025, 10, 1))),
        ErrorCode.LEARNER_NOT_ENROLLED,
        "2025-10-01");
  }

  @AllDatabases
  void refusesTheSameHalfDayTwiceInOneBatch(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    LearnerId l = f.learner(0).id();
    LocalDate d = LocalDate.of(2025, 9, 9);

    assertRefused(
        f,
        List.of(present(l, d), present(l, d)),
        ErrorCode.ATTENDANCE_DUPLICATE_IN_BATCH,
        "2025-09-09 AM");
  }

  @AllDatabases
  void refusesACorrectionWithoutAReasonOrWithoutChange(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var entry = present(f.learner(0).id(), LocalDate.of(2025, 9, 9));
    f.tremplin.attendance().record(f.trainer, f.cohort.id(), entry);

    assertThatThrownBy(() -> f.tremplin.attendance().correct(f.trainer, f.cohort.id(), entry, " "))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThatThrownBy(
            () -> f.tremplin.attendance().correct(f.trainer, f.cohort.id(), entry, "pareil"))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(f.rows("tremplin_attendance")).isEqualTo(1);
  }
}

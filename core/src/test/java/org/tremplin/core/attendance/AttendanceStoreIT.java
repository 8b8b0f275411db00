package org.tremplin.core.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class AttendanceStoreIT {
  private static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);

  private static AttendanceEntry entry(LearnerId l, HalfDay h, Mark m) {
    return new AttendanceEntry(l, h, AttendanceMark.of(m));
  }

  @AllDatabases
  void recordsAHalfDayAndReadsItBackAsTheCurrentSheet(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    var att = f.tremplin.attendance();
    att.record(
        f.trainer, f.cohort.id(), entry(f.learner(0).id(), HalfDay.am(MONDAY), Mark.PRESENT));
    att.record(
        f.trainer,
        f.cohort.id(),
        new AttendanceEntry(f.learner(1).id(), HalfDay.am(MONDAY), AttendanceMark.late(12)));

    List<AttendanceRecord> sheet = att.sheet(f.trainer, f.cohort.id(), MONDAY);

    assertThat(sheet).hasSize(2);
    assertThat(sheet)
        .extracting(r -> r.mark())
        .containsExactlyInAnyOrder(AttendanceMark.of(Mark.PRESENT), AttendanceMark.late(12));
    assertThat(sheet).allMatch(r -> r.version() == 1 && r.recordedBy().equals("trainer-1"));
    assertThat(sheet.get(0).recordedAt()).isEqualTo(CohortFixture.NOW);
  }

  @AllDatabases
  void refusesTheSameHalfDayTwiceWithoutACorrection(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var att = f.tremplin.attendance();
    LearnerId l = f.learner(0).id();
    att.record(f.trainer, f.cohort.id(), entry(l, HalfDay.pm(MONDAY), Mark.PRESENT));

    assertThatThrownBy(
            () ->
                att.record(
                    f.trainer,
                    f.cohort.id(),
                    entry(l, HalfDay.pm(MONDAY), Mark.ABSENT_UNJUSTIFIED)))
        .isInstanceOf(TremplinException.class)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ATTENDANCE_ALREADY_RECORDED);
    assertThat(f.rows("tremplin_attendance")).isEqualTo(1);
  }

  @AllDatabases
  void aCorrectionAppendsAVersionAndKeepsTheOriginal(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var att = f.tremplin.attendance();
    LearnerId l = f.learner(0).id();
    HalfDay h = HalfDay.am(MONDAY);
    att.record(f.trainer, f.cohort.id(), entry(l, h, Mark.ABSENT_UNJUSTIFIED));

    AttendanceRecord corrected =
        att.correct(f.manager, f.cohort.id(), entry(l, h, Mark.SICK_LEAVE), "arrêt reçu");

    assertThat(corrected.version()).isEqualTo(2);
    assertThat(att.history(f.trainer, f.cohort.id(), l, h))
        .extracting(AttendanceRecord::version, r -> r.mark().mark(), AttendanceRecord::recordedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, Mark.ABSENT_UNJUSTIFIED, "trainer-1"),
            org.assertj.core.groups.Tuple.tuple(2, Mark.SICK_LEAVE, "manager-1"));
    assertThat(att.sheet(f.trainer, f.cohort.id(), MONDAY))
        .singleElement()
        .satisfies(r -> assertThat(r.mark().mark()).isEqualTo(Mark.SICK_LEAVE));
    assertThat(att.history(f.trainer, f.cohort.id(), l, h).get(1).reason()).isEqualTo("arrêt reçu");
  }

  @AllDatabases
  void theSheetHoldsTheNewestVersionOfEachHalfDayOfThatDayOnlyInDayPartLearnerOrder(
      TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    var att = f.tremplin.attendance();
    LearnerId a = f.learner(0).id();
    LearnerId b = f.learner(1).id();
    List<AttendanceEntry> batch = new ArrayList<>();
    for (LocalDate day : List.of(MONDAY, MONDAY.plusDays(1))) {
      for (LearnerId l : List.of(b, a)) {
        batch.add(entry(l, HalfDay.pm(day), Mark.PRESENT));
        batch.add(entry(l, HalfDay.am(day), Mark.PRESENT));
      }
    }
    att.recordAll(f.trainer, f.cohort.id(), batch);
    att.correct(
        f.trainer, f.cohort.id(), entry(a, HalfDay.pm(MONDAY), Mark.ABSENT_JUSTIFIED), "rdv");
    att.correct(f.manager, f.cohort.id(), entry(a, HalfDay.pm(MONDAY), Mark.PRESENT), "erreur");
    att.correct(f.trainer, f.cohort.id(), entry(b, HalfDay.am(MONDAY), Mark.SICK_LEAVE), "arrêt");

    List<AttendanceRecord> sheet = att.sheet(f.trainer, f.cohort.id(), MONDAY);

    // the databases order uuids as unsigned bytes, as their text does (not as UUID.compareTo)
    List<LearnerId> byId =
        a.value().toString().compareTo(b.value().toString()) < 0 ? List.of(a, b) : List.of(b, a);
    assertThat(sheet)
        .extracting(
            r -> r.halfDay().part().name(),
            AttendanceRecord::learner,
            AttendanceRecord::version,
            r -> r.mark().mark())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "AM", byId.get(0), byId.get(0).equals(b) ? 2 : 1, mark(byId.get(0), b)),
            org.assertj.core.groups.Tuple.tuple(
                "AM", byId.get(1), byId.get(1).equals(b) ? 2 : 1, mark(byId.get(1), b)),
            org.assertj.core.groups.Tuple.tuple(
                "PM", byId.get(0), byId.get(0).equals(a) ? 3 : 1, Mark.PRESENT),
            org.assertj.core.groups.Tuple.tuple(
                "PM", byId.get(1), byId.get(1).equals(a) ? 3 : 1, Mark.PRESENT));
    assertThat(sheet).allSatisfy(r -> assertThat(r.halfDay().date()).isEqualTo(MONDAY));
  }

  private static Mark mark(LearnerId learner, LearnerId corrected) {
    return learner.equals(corrected) ? Mark.SICK_LEAVE : Mark.PRESENT;
  }

  @AllDatabases
  void refusesToCorrectAHalfDayThatWasNeverRecorded(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    assertThatThrownBy(
            () ->
                f.tremplin
                    .attendance()
                    .correct(
                        f.trainer,
                        f.cohort.id(),
                        entry(f.learner(0).id(), HalfDay.am(MONDAY), Mark.PRESENT),
                        "oubli"))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ATTENDANCE_NOT_RECORDED);
  }

  @AllDatabases
  void aBatchWithOneBadEntryWritesNothing(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    var att = f.tremplin.attendance();
    att.record(
        f.trainer, f.cohort.id(), entry(f.learner(1).id(), HalfDay.pm(MONDAY), Mark.PRESENT));
    List<AttendanceEntry> batch = new ArrayList<>();
    for (LocalDate d = MONDAY; d.isBefore(MONDAY.plusDays(5)); d = d.plusDays(1)) {
      batch.add(entry(f.learner(0).id(), HalfDay.am(d), Mark.PRESENT));
    }
    batch.add(entry(f.learner(1).id(), HalfDay.pm(MONDAY), Mark.PRESENT)); // already recorded

    assertThatThrownBy(() -> att.recordAll(f.trainer, f.cohort.id(), batch))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ATTENDANCE_ALREADY_RECORDED);
    assertThat(f.rows("tremplin_attendance")).isEqualTo(1);
  }

  @AllDatabases
  void aDatabaseFailureInTheMiddleOfABatchRollsBackEveryRow(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    JdbiAttendanceSheets store =
        new JdbiAttendanceSheets(org.jdbi.v3.core.Jdbi.create(f.dataSource));
    AttendanceRecord r1 =
        new AttendanceRecord(
            f.cohort.id(),
            f.learner(0).id(),
            HalfDay.am(MONDAY),
            1,
            AttendanceMark.of(Mark.PRESENT),
            "t1",
            CohortFixture.NOW,
            "");
    AttendanceRecord r2 =
        new AttendanceRecord(
            f.cohort.id(),
            f.learner(0).id(),
            HalfDay.pm(MONDAY),
            1,
            AttendanceMark.of(Mark.PRESENT),
            "t1",
            CohortFixture.NOW,
            "");

    assertThatThrownBy(() -> store.append(List.of(r1, r2, r1)))
        .isInstanceOf(RuntimeException.class);
    assertThat(f.rows("tremplin_attendance")).isZero();
  }

  @AllDatabases
  void ratesSplitPlannedHalfDaysIntoAttendedJustifiedUnjustifiedAndUnrecorded(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    var att = f.tremplin.attendance();
    LearnerId a = f.learner(0).id();
    LearnerId b = f.learner(1).id();
    // Week of 8 Sept 2025: 5 working days, 10 half-days per learner.
    List<AttendanceEntry> batch = new ArrayList<>();
    for (LocalDate d = MONDAY; d.isBefore(MONDAY.plusDays(5)); d = d.plusDays(1)) {
      batch.add(entry(a, HalfDay.am(d), Mark.PRESENT));
      batch.add(entry(a, HalfDay.pm(d), Mark.PRESENT));
      batch.add(entry(b, HalfDay.am(d), Mark.IN_PLACEMENT));
    }
    batch.set(0, new AttendanceEntry(a, HalfDay.am(MONDAY), AttendanceMark.late(30)));
    batch.set(1, entry(a, HalfDay.pm(MONDAY), Mark.ABSENT_UNJUSTIFIED));
    batch.set(3, entry(a, HalfDay.am(MONDAY.plusDays(1)), Mark.PAID_LEAVE));
    att.recordAll(f.trainer, f.cohort.id(), batch);
    DateRange week = new DateRange(MONDAY, MONDAY.plusDays(6));

    AttendanceRates ra = att.learnerRates(f.trainer, f.cohort.id(), a, week);
    AttendanceRates rb = att.learnerRates(f.trainer, f.cohort.id(), b, week);
    AttendanceRates all = att.cohortRates(f.trainer, f.cohort.id(), week);

    assertThat(ra.planned()).isEqualTo(10);
    assertThat(ra.attended()).isEqualTo(8);
    assertThat(ra.unjustifiedAbsences()).isEqualTo(1);
    assertThat(ra.justifiedAbsences()).isEqualTo(1);
    assertThat(ra.lateMinutes()).isEqualTo(30);
    assertThat(ra.attendanceRate()).isEqualByComparingTo("0.8");
    assertThat(rb.attended()).isEqualTo(5);
    assertThat(rb.unrecorded()).isEqualTo(5);
    assertThat(all.planned()).isEqualTo(20);
    assertThat(all.attended()).isEqualTo(13);
    assertThat(all.unrecorded()).isEqualTo(5);
  }

  @AllDatabases
  void ratesCountTheCurrentVersionOfACorrectedHalfDay(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var att = f.tremplin.attendance();
    LearnerId a = f.learner(0).id();
    att.record(f.trainer, f.cohort.id(), entry(a, HalfDay.am(MONDAY), Mark.ABSENT_UNJUSTIFIED));
    att.correct(
        f.trainer, f.cohort.id(), entry(a, HalfDay.am(MONDAY), Mark.ABSENT_JUSTIFIED), "mot");

    AttendanceRates r = att.learnerRates(f.trainer, f.cohort.id(), a, DateRange.of(MONDAY));

    assertThat(r.unjustifiedAbsences()).isZero();
    assertThat(r.justifiedAbsences()).isEqualTo(1);
    assertThat(r.planned()).isEqualTo(2);
  }

  @AllDatabases
  void plannedHalfDaysStopWhenTheLearnerLeavesAndResumeWhenTheyReenter(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    LearnerId a = f.learner(0).id();
    f.tremplin.learners().leave(f.coach, f.cohort.id(), a, LocalDate.of(2025, 9, 10), "santé");
    f.tremplin.learners().reenter(f.coach, f.cohort.id(), a, LocalDate.of(2025, 9, 12));

    AttendanceRates r =
        f.tremplin
            .attendance()
            .learnerRates(f.trainer, f.cohort.id(), a, new DateRange(MONDAY, MONDAY.plusDays(4)));

    // Mon 8 and Tue 9 enrolled, Wed 10 and Thu 11 away, Fri 12 back: 3 days.
    assertThat(r.planned()).isEqualTo(6);
  }
}

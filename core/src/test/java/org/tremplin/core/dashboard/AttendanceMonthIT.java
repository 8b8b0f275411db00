package org.tremplin.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.tremplin.api.LearnerId;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.dashboard.CohortFigures;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The read-side counts of core V31 ({@code tremplin_attendance_month}, ADR 0020) against the marks
 * themselves after every kind of write (records, corrections, several versions in one statement, an
 * import, an erasure), and the dashboard's figures that read them against the engine's rate rule.
 * The fixture's day is Friday 9 January 2026.
 */
class AttendanceMonthIT {
  private static final LocalDate OCT_6 = LocalDate.of(2025, 10, 6);
  private static final LocalDate NOV_3 = LocalDate.of(2025, 11, 3);
  private static final LocalDate DEC_1 = LocalDate.of(2025, 12, 1);
  private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);

  private static final String LEARNERS =
      "référence;prénom;nom;e-mail;promotion;date d'entrée;sexe;date de naissance;"
          + "niveau diplôme;QPV;NEET;demandeur emploi\n"
          + "A-001;Awa;Diallo;awa.diallo@example.org;Promo 2025-2026;01/09/2025;F;14/03/2001;3;"
          + "oui;oui;non\n"
          + "A-002;Yanis;Benali;;promo 2025-2026;;M;02/11/1999;4;non;non;oui\n";

  private static void record(CohortFixture f, LearnerId l, HalfDay d, AttendanceMark m) {
    f.tremplin.attendance().record(f.manager, f.cohort.id(), new AttendanceEntry(l, d, m));
  }

  private static void correct(CohortFixture f, LearnerId l, HalfDay d, AttendanceMark m) {
    f.tremplin
        .attendance()
        .correct(f.manager, f.cohort.id(), new AttendanceEntry(l, d, m), "sheet misread");
  }

  @AllDatabases
  void theMonthlyCountsFollowEveryWriteOfTheMarks(TestDatabase db) throws SQLException {
    CohortFixture f = CohortFixture.on(db, 3);
    LearnerId a = f.learner(0).id();
    LearnerId b = f.learner(1).id();
    LearnerId c = f.learner(2).id();
    assertThat(table(f.dataSource)).isEqualTo(raw(f.dataSource)).isEmpty();

    record(f, a, HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT));
    record(f, a, HalfDay.pm(OCT_6), AttendanceMark.late(12));
    record(f, a, HalfDay.am(NOV_3), AttendanceMark.of(Mark.IN_PLACEMENT));
    record(f, b, HalfDay.am(OCT_6), AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED));
    record(f, b, HalfDay.am(JAN_5), AttendanceMark.of(Mark.SICK_LEAVE));
    record(f, c, HalfDay.am(DEC_1), AttendanceMark.of(Mark.PAID_LEAVE));
    assertThat(table(f.dataSource)).isEqualTo(raw(f.dataSource)).hasSize(5);

    // corrections: across categories, twice on one line, late minutes changed, placement undone
    correct(f, b, HalfDay.am(OCT_6), AttendanceMark.of(Mark.ABSENT_JUSTIFIED));
    correct(f, b, HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT));
    correct(f, a, HalfDay.pm(OCT_6), AttendanceMark.late(40));
    correct(f, a, HalfDay.am(NOV_3), AttendanceMark.of(Mark.TRAINING_ELSEWHERE));
    assertThat(table(f.dataSource)).isEqualTo(raw(f.dataSource));
    assertThat(table(f.dataSource).get(key(f, b, OCT_6))).startsWith(1, 0, 0, 0, 0);

    // two versions of one line written by one statement
    try (Connection k = f.dataSource.getConnection();
        Statement s = k.createStatement()) {
      String line =
          "('" + f.cohort.id().value() + "', '" + c.value() + "', date '2025-12-01', 'AM'";
      s.executeUpdate(
          "insert into tremplin_attendance (cohort_id, learner_id, half_day_date, part, version,"
              + " mark, late_minutes, recorded_by, recorded_at, reason) values "
              + line
              + ", 2, 'ABSENT_UNJUSTIFIED', 0, 'test', timestamp '2026-01-09 10:00:00', 'x'), "
              + line
              + ", 3, 'IN_PLACEMENT', 0, 'test', timestamp '2026-01-09 10:00:00', 'y')");
    }
    assertThat(table(f.dataSource)).isEqualTo(raw(f.dataSource));
    assertThat(table(f.dataSource).get(key(f, c, DEC_1))).startsWith(1, 0, 0, 0, 1);

    // an import: new learners' marks, then a changed mark (a correction by import)
    f.tremplin.imports().importLearners(f.manager, f.school.id(), utf8(LEARNERS), false);
    String marks =
        "reference,date,part,mark,late_minutes\n"
            + "A-001,2026-01-05,AM,P,\n"
            + "A-001,2026-01-05,PM,R,15\n"
            + "A-002,2025-12-01,AM,AI,\n"
            + "A-002,2025-12-01,PM,M,\n";
    f.tremplin.imports().importAttendance(f.manager, f.school.id(), utf8(marks), false);
    assertThat(table(f.dataSource)).isEqualTo(raw(f.dataSource));
    f.tremplin
        .imports()
        .importAttendance(
            f.manager,
            f.school.id(),
            utf8(marks.replace("A-002,2025-12-01,AM,AI", "A-002,2025-12-01,AM,P")),
            false);
    assertThat(table(f.dataSource)).isEqualTo(raw(f.dataSource));

    // an erasure rewrites the learner's marks' reasons
    f.tremplin.privacy().erase(f.manager, b);
    assertThat(table(f.dataSource)).isEqualTo(raw(f.dataSource));

    // nothing in Tremplin deletes marks; a hand-made delete is counted again all the same
    try (Connection k = f.dataSource.getConnection();
        Statement s = k.createStatement()) {
      s.executeUpdate(
          "delete from tremplin_attendance where learner_id = '" + c.value() + "' and version = 3");
    }
    assertThat(table(f.dataSource)).isEqualTo(raw(f.dataSource));
    assertThat(table(f.dataSource).get(key(f, c, DEC_1))).startsWith(0, 0, 1, 0, 0);
  }

  @AllDatabases
  void theDashboardCountsWholeMonthsAsTheRateRuleCountsTheMarks(TestDatabase db)
      throws SQLException {
    CohortFixture f = CohortFixture.on(db, 3);
    LearnerId a = f.learner(0).id();
    LearnerId b = f.learner(1).id();
    LearnerId c = f.learner(2).id();
    var calendar = f.tremplin.cohorts().calendar(f.manager, f.cohort.id());
    for (LocalDate d = CohortFixture.START;
        d.isBefore(LocalDate.of(2026, 1, 9));
        d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d) && d.getDayOfMonth() % 3 == 0) {
        record(f, a, HalfDay.am(d), AttendanceMark.of(Mark.PRESENT));
        record(f, b, HalfDay.pm(d), AttendanceMark.late(5));
        record(f, c, HalfDay.am(d), AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED));
      }
    }
    correct(f, c, HalfDay.am(LocalDate.of(2025, 10, 3)), AttendanceMark.of(Mark.SICK_LEAVE));
    correct(f, a, HalfDay.am(LocalDate.of(2025, 12, 3)), AttendanceMark.of(Mark.IN_PLACEMENT));
    assertThat(sinceStart(f)).isEqualTo(rateRule(f));

    // a mark on a day off (written before the closure was known): not counted, as by the rule
    try (Connection k = f.dataSource.getConnection();
        Statement s = k.createStatement()) {
      s.executeUpdate(
          "insert into tremplin_attendance (cohort_id, learner_id, half_day_date, part, version,"
              + " mark, late_minutes, recorded_by, recorded_at, reason) values ('"
              + f.cohort.id().value()
              + "', '"
              + a.value()
              + "', date '2025-12-23', 'AM', 1, 'PRESENT', 0, 'test',"
              + " timestamp '2026-01-09 10:00:00', '')");
    }
    assertThat(sinceStart(f)).isEqualTo(rateRule(f));

    // a back-dated leave: the marks after it are no longer counted
    f.tremplin.learners().leave(f.manager, f.cohort.id(), b, LocalDate.of(2025, 11, 14), "moved");
    assertThat(sinceStart(f)).isEqualTo(rateRule(f));
  }

  /** The dashboard's total since the start, each learner's line checked against the rule's. */
  private static AttendanceRates sinceStart(CohortFixture f) {
    CohortFigures figures = f.tremplin.dashboard().figures(f.manager, f.cohort.id());
    DateRange since = new DateRange(CohortFixture.START, LocalDate.of(2026, 1, 8));
    assertThat(figures.attendanceSinceStart().learners())
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line.rates())
                    .as(line.learner().displayName())
                    .isEqualTo(
                        f.tremplin
                            .attendance()
                            .learnerRates(
                                f.manager, f.cohort.id(), line.learner().learner(), since)));
    return figures.attendanceSinceStart().total();
  }

  private static AttendanceRates rateRule(CohortFixture f) {
    return f.tremplin
        .attendance()
        .cohortRates(
            f.manager, f.cohort.id(), new DateRange(CohortFixture.START, LocalDate.of(2026, 1, 8)));
  }

  private static String key(CohortFixture f, LearnerId l, LocalDate day) {
    return f.cohort.id().value() + " " + l.value() + " " + day.withDayOfMonth(1);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The read-side rows: attended, justified, unjustified, late minutes, placement, days. */
  private static Map<String, List<Integer>> table(DataSource data) throws SQLException {
    Map<String, List<Integer>> rows = new TreeMap<>();
    try (Connection c = data.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select cohort_id, learner_id, month_start, attended, justified, unjustified,"
                    + " late_minutes, placement, days from tremplin_attendance_month")) {
      while (rs.next()) {
        rows.put(
            rs.getString(1) + " " + rs.getString(2) + " " + rs.getObject(3, LocalDate.class),
            List.of(
                rs.getInt(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8),
                rs.getInt(9)));
      }
    }
    return rows;
  }

  /** The same, counted here from the newest version of each half-day. */
  private static Map<String, List<Integer>> raw(DataSource data) throws SQLException {
    record Version(int version, String mark, int late) {}
    Map<String, Version> newest = new HashMap<>();
    try (Connection c = data.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select cohort_id, learner_id, half_day_date, part, version, mark, late_minutes"
                    + " from tremplin_attendance")) {
      while (rs.next()) {
        String line =
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getObject(3, LocalDate.class)
                + " "
                + rs.getString(4);
        Version v = new Version(rs.getInt(5), rs.getString(6), rs.getInt(7));
        newest.merge(line, v, (x, y) -> x.version() > y.version() ? x : y);
      }
    }
    Map<String, int[]> counts = new TreeMap<>();
    newest.forEach(
        (line, v) -> {
          String[] p = line.split(" ");
          LocalDate day = LocalDate.parse(p[2]);
          int[] n =
              counts.computeIfAbsent(
                  p[0] + " " + p[1] + " " + day.withDayOfMonth(1), k -> new int[6]);
          Mark mark = Mark.valueOf(v.mark());
          switch (mark.counts()) {
            case ATTENDED -> n[0]++;
            case JUSTIFIED_ABSENCE -> n[1]++;
            case UNJUSTIFIED_ABSENCE -> n[2]++;
          }
          n[3] += v.late();
          n[4] += mark == Mark.IN_PLACEMENT ? 1 : 0;
          n[5] |= 1 << (day.getDayOfMonth() - 1);
        });
    Map<String, List<Integer>> rows = new TreeMap<>();
    counts.forEach((k, n) -> rows.put(k, Arrays.stream(n).boxed().toList()));
    return rows;
  }
}

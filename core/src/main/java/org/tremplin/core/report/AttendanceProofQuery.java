package org.tremplin.core.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.calendar.HalfDayPart;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.EnrolmentEventKind;
import org.tremplin.api.report.AttendanceProof;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.school.School;
import org.tremplin.core.internal.Database;

/**
 * The attendance proof's SQL: the cohort's learners of the period and every stored version of their
 * marks in it, in two queries. Stateless.
 */
final class AttendanceProofQuery {
  private AttendanceProofQuery() {}

  static AttendanceProof run(
      Handle h,
      School school,
      Cohort cohort,
      CohortCalendar calendar,
      DateRange period,
      Instant now) {
    // Enrolled at some point of the period (joined by its last day, no exit before its first day),
    // or marked in it.
    Map<LearnerId, CountedLearner> learners = new LinkedHashMap<>();
    h.createQuery(
            "select l.id, l.given_name, l.family_name from tremplin_learner l"
                + " where (exists (select 1 from tremplin_enrolment_event e"
                + " where e.cohort_id = :cohort and e.learner_id = l.id and e.kind = :joined"
                + " and e.event_date <= :last)"
                + " and not exists (select 1 from tremplin_exit x"
                + " where x.cohort_id = :cohort and x.learner_id = l.id and x.left_on < :first"
                + " and not exists (select 1 from tremplin_exit n where n.cohort_id = x.cohort_id"
                + " and n.learner_id = x.learner_id and n.version > x.version))"
                + " or exists (select 1 from tremplin_attendance a where a.cohort_id = :cohort"
                + " and a.learner_id = l.id and a.half_day_date >= :first"
                + " and a.half_day_date <= :last))"
                + YearlyReviewQuery.NOT_TEST
                + " order by l.family_name, l.given_name, l.id")
        .bind("cohort", cohort.id().value())
        .bind("joined", EnrolmentEventKind.JOINED.name())
        .bind("first", period.first())
        .bind("last", period.last())
        .map(
            (rs, ctx) -> {
              LearnerId id = new LearnerId(rs.getObject("id", UUID.class));
              return new CountedLearner(
                  cohort.id(), id, rs.getString("given_name") + " " + rs.getString("family_name"));
            })
        .forEach(l -> learners.put(l.learner(), l));

    Map<LearnerId, Map<HalfDay, List<AttendanceRecord>>> marks = new LinkedHashMap<>();
    TreeSet<HalfDay> halfDays = new TreeSet<>();
    calendar
        .workingDaysIn(period)
        .forEach(
            d -> {
              halfDays.add(HalfDay.am(d));
              halfDays.add(HalfDay.pm(d));
            });
    h.createQuery(
            "select a.learner_id, a.half_day_date, a.part, a.version, a.mark, a.late_minutes,"
                + " a.recorded_by, a.recorded_at, a.reason from tremplin_attendance a"
                + " join tremplin_learner l on l.id = a.learner_id"
                + " where a.cohort_id = :cohort and a.half_day_date >= :first"
                + " and a.half_day_date <= :last"
                + YearlyReviewQuery.NOT_TEST
                + " order by a.learner_id, a.half_day_date, a.part, a.version")
        .bind("cohort", cohort.id().value())
        .bind("first", period.first())
        .bind("last", period.last())
        .map(
            (rs, ctx) ->
                new AttendanceRecord(
                    new CohortId(cohort.id().value()),
                    new LearnerId(rs.getObject("learner_id", UUID.class)),
                    new HalfDay(
                        rs.getObject("half_day_date", LocalDate.class),
                        HalfDayPart.valueOf(rs.getString("part"))),
                    rs.getInt("version"),
                    new AttendanceMark(
                        Mark.valueOf(rs.getString("mark")), rs.getInt("late_minutes")),
                    rs.getString("recorded_by"),
                    Database.instant(rs, "recorded_at"),
                    rs.getString("reason")))
        .forEach(
            r -> {
              halfDays.add(r.halfDay());
              marks
                  .computeIfAbsent(r.learner(), k -> new LinkedHashMap<>())
                  .computeIfAbsent(r.halfDay(), k -> new ArrayList<>())
                  .add(r);
            });

    List<AttendanceProof.Sheet> sheets = new ArrayList<>();
    for (CountedLearner l : learners.values()) {
      Map<HalfDay, List<AttendanceRecord>> own = marks.getOrDefault(l.learner(), Map.of());
      List<AttendanceProof.Line> lines = new ArrayList<>();
      for (HalfDay d : halfDays) {
        lines.add(new AttendanceProof.Line(d, own.getOrDefault(d, List.of())));
      }
      sheets.add(new AttendanceProof.Sheet(l, lines));
    }
    return new AttendanceProof(school, cohort, period, List.copyOf(halfDays), sheets, now);
  }
}

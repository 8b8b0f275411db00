package org.tremplin.core.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.calendar.HalfDayPart;
import org.tremplin.core.internal.Database;

/** {@link AttendanceSheets} on JDBC, one row per version. Thread-safe. */
public final class JdbiAttendanceSheets implements AttendanceSheets {
  private static final String COLUMNS =
      "a.cohort_id, a.learner_id, a.half_day_date, a.part, a.version, a.mark, a.late_minutes,"
          + " a.recorded_by, a.recorded_at, a.reason";

  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiAttendanceSheets(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void append(Collection<AttendanceRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          PreparedBatch batch =
              h.prepareBatch(
                  "insert into tremplin_attendance (cohort_id, learner_id, half_day_date, part,"
                      + " version, mark, late_minutes, recorded_by, recorded_at, reason) values"
                      + " (:cohort, :learner, :date, :part, :version, :mark, :late, :by, :at,"
                      + " :reason)");
          for (AttendanceRecord r : records) {
            batch
                .bind("cohort", r.cohort().value())
                .bind("learner", r.learner().value())
                .bind("date", r.halfDay().date())
                .bind("part", r.halfDay().part().name())
                .bind("version", r.version())
                .bind("mark", r.mark().mark().name())
                .bind("late", r.mark().lateMinutes())
                .bind("by", r.recordedBy())
                .bind("at", Database.timestamp(r.recordedAt()))
                .bind("reason", r.reason())
                .add();
          }
          batch.execute();
        });
  }

  @Override
  public Set<Line> recordedLines(CohortId cohort, DateRange period) {
    return jdbi.withHandle(
        h ->
            new HashSet<>(
                h.createQuery(
                        "select learner_id, half_day_date, part from tremplin_attendance"
                            + " where cohort_id = :cohort and version = 1"
                            + " and half_day_date between :first and :last")
                    .bind("cohort", cohort.value())
                    .bind("first", period.first())
                    .bind("last", period.last())
                    .map(
                        (rs, ctx) ->
                            new Line(
                                new LearnerId(rs.getObject("learner_id", UUID.class)),
                                new HalfDay(
                                    rs.getObject("half_day_date", LocalDate.class),
                                    HalfDayPart.valueOf(rs.getString("part")))))
                    .list()));
  }

  @Override
  public int latestVersion(CohortId cohort, Line line) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select coalesce(max(version), 0) from tremplin_attendance where cohort_id ="
                        + " :cohort and learner_id = :learner and half_day_date = :date and part ="
                        + " :part")
                .bind("cohort", cohort.value())
                .bind("learner", line.learner().value())
                .bind("date", line.halfDay().date())
                .bind("part", line.halfDay().part().name())
                .mapTo(Integer.class)
                .one());
  }

  @Override
  public List<AttendanceRecord> current(CohortId cohort, DateRange period) {
    return currentWhere(cohort, null, period);
  }

  @Override
  public List<AttendanceRecord> current(CohortId cohort, LearnerId learner, DateRange period) {
    return currentWhere(cohort, learner, period);
  }

  /**
   * The latest version of each line in the period: one range scan of the primary key (or of the
   * learner's index), each line's versions numbered newest first. Not a "no newer version exists"
   * anti-join: on a table without statistics yet (bulk-loaded, not analysed) PostgreSQL's generic
   * plan for it probed every row of the cohort once per row of the day (docs/benchmarks.md, h26).
   */
  private List<AttendanceRecord> currentWhere(
      CohortId cohort, @Nullable LearnerId learner, DateRange period) {
    return jdbi.withHandle(
        h -> {
          var query =
              h.createQuery(
                      "select "
                          + COLUMNS
                          + " from (select "
                          + COLUMNS
                          + ", row_number() over (partition by a.half_day_date, a.part,"
                          + " a.learner_id order by a.version desc) as newest"
                          + " from tremplin_attendance a where a.cohort_id = :cohort"
                          + (learner == null ? "" : " and a.learner_id = :learner")
                          + " and a.half_day_date between :first and :last) a"
                          + " where a.newest = 1"
                          + " order by a.half_day_date, a.part, a.learner_id")
                  .bind("cohort", cohort.value())
                  .bind("first", period.first())
                  .bind("last", period.last());
          if (learner != null) {
            query.bind("learner", learner.value());
          }
          return query.map((rs, ctx) -> record(rs)).list();
        });
  }

  @Override
  public List<AttendanceRecord> versions(CohortId cohort, Line line) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from tremplin_attendance a where a.cohort_id = :cohort and"
                        + " a.learner_id = :learner and a.half_day_date = :date and a.part = :part"
                        + " order by a.version")
                .bind("cohort", cohort.value())
                .bind("learner", line.learner().value())
                .bind("date", line.halfDay().date())
                .bind("part", line.halfDay().part().name())
                .map((rs, ctx) -> record(rs))
                .list());
  }

  /**
   * Summed from the read-side counts per learner and month (core V31, ADR 0020), which follow the
   * current version of every half-day: no probe per mark for a newer version.
   */
  @Override
  public Map<LearnerId, Integer> placementHalfDays(CohortId cohort) {
    Map<LearnerId, Integer> result = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select m.learner_id, sum(m.placement) as n from tremplin_attendance_month m"
                        + " where m.cohort_id = :cohort group by m.learner_id"
                        + " having sum(m.placement) > 0")
                .bind("cohort", cohort.value())
                .map(
                    (rs, ctx) ->
                        result.put(
                            new LearnerId(rs.getObject("learner_id", UUID.class)), rs.getInt("n")))
                .list());
    return result;
  }

  private static AttendanceRecord record(ResultSet rs) throws SQLException {
    return new AttendanceRecord(
        new CohortId(rs.getObject("cohort_id", UUID.class)),
        new LearnerId(rs.getObject("learner_id", UUID.class)),
        new HalfDay(
            rs.getObject("half_day_date", LocalDate.class),
            HalfDayPart.valueOf(rs.getString("part"))),
        rs.getInt("version"),
        new AttendanceMark(Mark.valueOf(rs.getString("mark")), rs.getInt("late_minutes")),
        rs.getString("recorded_by"),
        Database.instant(rs, "recorded_at"),
        rs.getString("reason"));
  }
}

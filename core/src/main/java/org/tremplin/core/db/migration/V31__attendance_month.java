package org.tremplin.core.db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Core V31 (issue 14, item 7; ADR 0020): {@code tremplin_attendance_month}, the current attendance
 * marks counted per cohort, learner and month (attended, justified and unjustified absences, late
 * minutes, placement half-days, and a bitmask of the month's days that hold a mark), which the
 * dashboard and the yearly review read instead of scanning the marks.
 *
 * <p>On PostgreSQL it is a table kept by statement triggers on {@code tremplin_attendance}: an
 * insert (a record, a correction, an import by {@code COPY}, a generated data set) adds, per
 * cohort, learner and month of the statement's rows, +1 for each new version and -1 for the version
 * it supersedes (the one just below it: versions are contiguous), in one upsert per statement; an
 * update or delete (the erasure rewrites reasons) counts the months it touched again from the
 * marks. Existing marks are counted here. On H2 it is a view computing the same from the marks (H2
 * serves small schools: no copy to keep). The mark lists are this version's {@code Mark}
 * vocabulary; a new mark needs a new migration ({@code AttendanceMonthTest} checks they agree).
 * Stateless.
 */
public final class V31__attendance_month extends BaseJavaMigration {
  /** The marks that count as attended, justified and unjustified absence, and placement. */
  static final String ATTENDED = "'PRESENT', 'LATE', 'IN_PLACEMENT', 'TRAINING_ELSEWHERE'";

  static final String JUSTIFIED = "'ABSENT_JUSTIFIED', 'SICK_LEAVE', 'PAID_LEAVE'";

  static final String UNJUSTIFIED = "'ABSENT_UNJUSTIFIED'";

  static final String PLACEMENT = "'IN_PLACEMENT'";

  /** The columns of a mark's row {@code %1$s} counted with sign {@code %2$s} (SQL). */
  private static final String COUNTED =
      "%1$s.cohort_id, %1$s.learner_id, cast(date_trunc('month', %1$s.half_day_date) as date)"
          + " as month_start,"
          + " case when %1$s.mark in ("
          + ATTENDED
          + ") then %2$s else 0 end as att,"
          + " case when %1$s.mark in ("
          + JUSTIFIED
          + ") then %2$s else 0 end as jus,"
          + " case when %1$s.mark in ("
          + UNJUSTIFIED
          + ") then %2$s else 0 end as unj,"
          + " %2$s * %1$s.late_minutes as late,"
          + " case when %1$s.mark in ("
          + PLACEMENT
          + ") then %2$s else 0 end as plc";

  private static final String SUMS =
      "select u.cohort_id, u.learner_id, u.month_start, sum(u.att), sum(u.jus), sum(u.unj),"
          + " sum(u.late), sum(u.plc), %s(u.day_bit)";

  private static final String COLUMNS =
      "cohort_id, learner_id, month_start, attended, justified, unjustified, late_minutes, placement,"
          + " days";

  /** The previous version of the row {@code k}, as {@code p} (SQL join condition). */
  private static final String PREVIOUS =
      "p.cohort_id = k.cohort_id and p.half_day_date = k.half_day_date and p.part = k.part"
          + " and p.learner_id = k.learner_id and p.version = k.version - 1";

  /**
   * Every mark of {@code rows} +1 and every version a correction superseded -1, for the marks
   * passing {@code condition} ({@code %1$s} is the marks' alias).
   */
  private static String counted(String rows, String dayBit, String condition) {
    return "select "
        + String.format(COUNTED, "a", "1")
        + ", "
        + dayBit.formatted("a")
        + " as day_bit from "
        + rows
        + " a where true"
        + condition.formatted("a")
        + " union all select "
        + String.format(COUNTED, "p", "-1")
        + ", 0 as day_bit from "
        + rows
        + " k join tremplin_attendance p on "
        + PREVIOUS
        + " where k.version > 1"
        + condition.formatted("k");
  }

  private static final String PG_DAY_BIT = "(1 << (extract(day from %1$s.half_day_date)::int - 1))";

  private static final String H2_DAY_BIT = "lshift(1, extract(day from %1$s.half_day_date) - 1)";

  /** The months of the rows of {@code %s} (a transition table), counted again from the marks. */
  private static String recount(String touched) {
    String keys =
        "select distinct t.cohort_id, t.learner_id,"
            + " cast(date_trunc('month', t.half_day_date) as date) as month_start from "
            + touched
            + " t";
    String inKeys =
        " and exists (select 1 from ("
            + keys
            + ") t where t.cohort_id = %1$s.cohort_id and t.learner_id = %1$s.learner_id"
            + " and %1$s.half_day_date >= t.month_start"
            + " and %1$s.half_day_date < t.month_start + interval '1 month')";
    return "delete from tremplin_attendance_month m where (m.cohort_id, m.learner_id, m.month_start) in ("
        + keys
        + ");\n"
        + "insert into tremplin_attendance_month ("
        + COLUMNS
        + ") "
        + String.format(SUMS, "bit_or")
        + " from ("
        + counted("tremplin_attendance", PG_DAY_BIT, inKeys)
        + ") u group by u.cohort_id, u.learner_id, u.month_start;\n";
  }

  private static final String[] POSTGRESQL = {
    "create table tremplin_attendance_month ("
        + " cohort_id uuid not null, learner_id uuid not null, month_start date not null,"
        + " attended integer not null, justified integer not null, unjustified integer not null,"
        + " late_minutes integer not null, placement integer not null, days integer not null,"
        + " primary key (cohort_id, learner_id, month_start))",
    // the superseded version of each new row with a version above 1: one index probe per
    // correction (a lateral subquery, so that the planner never hashes the whole table)
    "create function tremplin_attendance_month_added() returns trigger language plpgsql as $$\n"
        + "begin\n"
        + "insert into tremplin_attendance_month as m ("
        + COLUMNS
        + ") "
        + String.format(SUMS, "bit_or")
        + " from (select "
        + String.format(COUNTED, "a", "1")
        + ", "
        + PG_DAY_BIT.formatted("a")
        + " as day_bit from tremplin_attendance_added a"
        + " union all select "
        + String.format(COUNTED, "p", "-1")
        + ", 0 as day_bit from tremplin_attendance_added k"
        + " cross join lateral (select * from tremplin_attendance p where "
        + PREVIOUS
        + " limit 1) p where k.version > 1) u"
        + " group by u.cohort_id, u.learner_id, u.month_start"
        + " order by u.cohort_id, u.learner_id, u.month_start"
        + " on conflict (cohort_id, learner_id, month_start) do update set"
        + " attended = m.attended + excluded.attended,"
        + " justified = m.justified + excluded.justified,"
        + " unjustified = m.unjustified + excluded.unjustified,"
        + " late_minutes = m.late_minutes + excluded.late_minutes,"
        + " placement = m.placement + excluded.placement,"
        + " days = m.days | excluded.days;\n"
        + "return null;\n"
        + "end $$",
    "create trigger tremplin_attendance_month_insert after insert on tremplin_attendance"
        + " referencing new table as tremplin_attendance_added for each statement"
        + " execute function tremplin_attendance_month_added()",
    "create function tremplin_attendance_month_updated() returns trigger language plpgsql as $$\n"
        + "begin\n"
        + recount("tremplin_attendance_before")
        + recount("tremplin_attendance_after")
        + "return null;\n"
        + "end $$",
    "create trigger tremplin_attendance_month_update after update on tremplin_attendance"
        + " referencing old table as tremplin_attendance_before"
        + " new table as tremplin_attendance_after for each statement"
        + " execute function tremplin_attendance_month_updated()",
    "create function tremplin_attendance_month_deleted() returns trigger language plpgsql as $$\n"
        + "begin\n"
        + recount("tremplin_attendance_gone")
        + "return null;\n"
        + "end $$",
    "create trigger tremplin_attendance_month_delete after delete on tremplin_attendance"
        + " referencing old table as tremplin_attendance_gone for each statement"
        + " execute function tremplin_attendance_month_deleted()",
    "create function tremplin_attendance_month_truncated() returns trigger language plpgsql as $$\n"
        + "begin\n"
        + "truncate tremplin_attendance_month;\n"
        + "return null;\n"
        + "end $$",
    "create trigger tremplin_attendance_month_truncate after truncate on tremplin_attendance"
        + " for each statement execute function tremplin_attendance_month_truncated()",
    "insert into tremplin_attendance_month ("
        + COLUMNS
        + ") "
        + String.format(SUMS, "bit_or")
        + " from ("
        + counted("tremplin_attendance", PG_DAY_BIT, "")
        + ") u group by u.cohort_id, u.learner_id, u.month_start",
    "analyze tremplin_attendance_month",
  };

  private static final String H2 =
      "create view tremplin_attendance_month ("
          + COLUMNS
          + ") as "
          + String.format(SUMS, "bit_or_agg")
          + " from ("
          + counted("tremplin_attendance", H2_DAY_BIT, "")
          + ") u group by u.cohort_id, u.learner_id, u.month_start";

  /** The migration Flyway instantiates. */
  public V31__attendance_month() {}

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      if ("PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
        for (String sql : POSTGRESQL) {
          s.execute(sql);
        }
      } else {
        s.execute(H2);
      }
    }
  }
}

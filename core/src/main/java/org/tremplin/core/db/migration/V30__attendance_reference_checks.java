package org.tremplin.core.db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Core V30 (issue 14, item 7; ADR 0016): on PostgreSQL, the attendance table's references to its
 * cohort and learner are checked once per statement instead of once per row. The two foreign keys
 * of {@code tremplin_attendance} cost two thirds of the server's time of a bulk import (a lookup
 * and a {@code FOR KEY SHARE} lock of the parent for every mark: docs/benchmarks.md); a statement
 * trigger with a transition table does the same work set-based: it locks the distinct cohorts and
 * learners of the statement's rows {@code FOR KEY SHARE}, as the foreign keys did, and raises
 * {@code foreign_key_violation} (SQLSTATE 23503) when one is missing. Row triggers on the cohort
 * and learner tables refuse to delete (or re-key) a row the attendance still references, as the
 * foreign keys' {@code NO ACTION} did. H2 keeps its foreign keys: nothing changes there. Stateless.
 */
public final class V30__attendance_reference_checks extends BaseJavaMigration {
  private static final String[] POSTGRESQL = {
    "alter table tremplin_attendance drop constraint if exists tremplin_attendance_cohort_id_fkey",
    "alter table tremplin_attendance drop constraint if exists tremplin_attendance_learner_id_fkey",
    """
    create function tremplin_attendance_references() returns trigger language plpgsql as $$
    declare
      wanted bigint;
      found bigint;
    begin
      select count(distinct n.cohort_id) into wanted from tremplin_attendance_rows n;
      perform 1 from tremplin_cohort c
        where c.id in (select n.cohort_id from tremplin_attendance_rows n) for key share of c;
      get diagnostics found = row_count;
      if found <> wanted then
        raise foreign_key_violation using message =
          'tremplin_attendance references a cohort that does not exist';
      end if;
      select count(distinct n.learner_id) into wanted from tremplin_attendance_rows n;
      perform 1 from tremplin_learner l
        where l.id in (select n.learner_id from tremplin_attendance_rows n) for key share of l;
      get diagnostics found = row_count;
      if found <> wanted then
        raise foreign_key_violation using message =
          'tremplin_attendance references a learner that does not exist';
      end if;
      return null;
    end $$""",
    "create trigger tremplin_attendance_references_insert after insert on tremplin_attendance"
        + " referencing new table as tremplin_attendance_rows for each statement"
        + " execute function tremplin_attendance_references()",
    "create trigger tremplin_attendance_references_update after update on tremplin_attendance"
        + " referencing new table as tremplin_attendance_rows for each statement"
        + " execute function tremplin_attendance_references()",
    """
    create function tremplin_attendance_referenced() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and new.id = old.id then
        return new;
      end if;
      if tg_table_name = 'tremplin_cohort' then
        if exists (select 1 from tremplin_attendance a where a.cohort_id = old.id) then
          raise foreign_key_violation using message =
            'the cohort is still referenced from tremplin_attendance';
        end if;
      elsif exists (select 1 from tremplin_attendance a where a.learner_id = old.id) then
        raise foreign_key_violation using message =
          'the learner is still referenced from tremplin_attendance';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$""",
    "create trigger tremplin_cohort_attendance_referenced before delete or update of id"
        + " on tremplin_cohort for each row execute function tremplin_attendance_referenced()",
    "create trigger tremplin_learner_attendance_referenced before delete or update of id"
        + " on tremplin_learner for each row execute function tremplin_attendance_referenced()",
  };

  /** The migration Flyway instantiates. */
  public V30__attendance_reference_checks() {}

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement s = c.createStatement()) {
      for (String sql : POSTGRESQL) {
        s.execute(sql);
      }
    }
  }
}

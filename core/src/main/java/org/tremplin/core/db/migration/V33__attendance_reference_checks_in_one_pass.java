package org.tremplin.core.db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Core V33 (issue 14, item 7; ADR 0022): on PostgreSQL, V30's statement check of the attendance's
 * references reads the statement's rows once instead of four times. V30's function counted the
 * distinct cohorts and learners ({@code count(distinct ...)}, which sorts every row) and then
 * semi-joined the rows again for each parent table; this one groups the rows once into their
 * (cohort, learner) pairs (a hash aggregate: a school's year of marks has about a thousand pairs),
 * then locks the distinct cohorts and learners of those pairs {@code FOR KEY SHARE} and raises the
 * same {@code foreign_key_violation} (SQLSTATE 23503) with the same messages when one is missing.
 * The triggers and the checks on the parent tables stay as V30 created them; H2 keeps its foreign
 * keys. Stateless.
 */
public final class V33__attendance_reference_checks_in_one_pass extends BaseJavaMigration {
  private static final String FUNCTION =
      """
      create or replace function tremplin_attendance_references() returns trigger
      language plpgsql as $$
      declare
        cohorts uuid[];
        learners uuid[];
        found bigint;
      begin
        with pairs as materialized (
          select n.cohort_id, n.learner_id from tremplin_attendance_rows n group by 1, 2)
        select array(select distinct p.cohort_id from pairs p),
               array(select distinct p.learner_id from pairs p)
          into cohorts, learners;
        perform 1 from tremplin_cohort c where c.id = any (cohorts) for key share of c;
        get diagnostics found = row_count;
        if found <> cardinality(cohorts) then
          raise foreign_key_violation using message =
            'tremplin_attendance references a cohort that does not exist';
        end if;
        perform 1 from tremplin_learner l where l.id = any (learners) for key share of l;
        get diagnostics found = row_count;
        if found <> cardinality(learners) then
          raise foreign_key_violation using message =
            'tremplin_attendance references a learner that does not exist';
        end if;
        return null;
      end $$""";

  /** The migration Flyway instantiates. */
  public V33__attendance_reference_checks_in_one_pass() {}

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute(FUNCTION);
    }
  }
}

package org.tremplin.core.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The attendance table's references to its cohort and learner hold on both databases (ADR 0016):
 * foreign keys on H2, a statement trigger and row triggers on PostgreSQL (core V30), with the same
 * SQLSTATE (23503).
 */
class AttendanceReferenceChecksIT {
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  /** H2 reports a missing parent as 23506, PostgreSQL (foreign key or V30's trigger) as 23503. */
  private static final String[] PARENT_MISSING = {"23503", "23506"};

  private static final OffsetDateTime AT =
      OffsetDateTime.of(2026, 1, 9, 16, 0, 0, 0, ZoneOffset.UTC);

  @AllDatabases
  void aMarkForALearnerOrCohortThatDoesNotExistIsRefused(TestDatabase db) throws SQLException {
    CohortFixture f = CohortFixture.on(db, 2);
    UUID cohort = f.cohort.id().value();
    UUID learner = f.learner(0).id().value();
    try (Connection c = f.dataSource.getConnection()) {
      insertMark(c, cohort, learner, LocalDate.of(2025, 9, 1));

      assertThatThrownBy(() -> insertMark(c, cohort, UUID.randomUUID(), LocalDate.of(2025, 9, 2)))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isIn((Object[]) PARENT_MISSING));
      assertThatThrownBy(() -> insertMark(c, UUID.randomUUID(), learner, LocalDate.of(2025, 9, 2)))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isIn((Object[]) PARENT_MISSING));
      assertThat(marks(c)).isEqualTo(1);
    }
  }

  @AllDatabases
  void aLearnerOrCohortWithMarksCannotBeDeleted(TestDatabase db) throws SQLException {
    CohortFixture f = CohortFixture.on(db, 2);
    UUID cohort = f.cohort.id().value();
    UUID school = f.school.id().value();
    try (Connection c = f.dataSource.getConnection()) {
      UUID marked = newLearner(c, school);
      UUID unmarked = newLearner(c, school);
      insertMark(c, cohort, marked, LocalDate.of(2025, 9, 1));

      assertThatThrownBy(() -> delete(c, "tremplin_learner", marked))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION));
      assertThat(delete(c, "tremplin_learner", unmarked)).isEqualTo(1);
      UUID markedCohort = newCohort(c, cohort);
      UUID emptyCohort = newCohort(c, cohort);
      insertMark(c, markedCohort, marked, LocalDate.of(2025, 9, 1));
      assertThatThrownBy(() -> delete(c, "tremplin_cohort", markedCohort))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION));
      assertThat(delete(c, "tremplin_cohort", emptyCohort)).isEqualTo(1);
      assertThat(marks(c)).isEqualTo(2);
    }
  }

  /** A copy of the cohort's row under a new id, referenced by nothing. */
  private static UUID newCohort(Connection c, UUID like) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into tremplin_cohort (id, school_id, name, first_day, last_day, template_id,"
                + " template_version, capacity, created_at) select ?, school_id, name, first_day,"
                + " last_day, template_id, template_version, capacity, created_at"
                + " from tremplin_cohort where id = ?")) {
      s.setObject(1, id);
      s.setObject(2, like);
      s.executeUpdate();
    }
    return id;
  }

  private static void insertMark(Connection c, UUID cohort, UUID learner, LocalDate day)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into tremplin_attendance (cohort_id, learner_id, half_day_date, part, version,"
                + " mark, late_minutes, recorded_by, recorded_at, reason)"
                + " values (?, ?, ?, 'AM', 1, 'PRESENT', 0, 'test', ?, '')")) {
      s.setObject(1, cohort);
      s.setObject(2, learner);
      s.setObject(3, day);
      s.setObject(4, AT);
      s.executeUpdate();
    }
  }

  private static UUID newLearner(Connection c, UUID school) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into tremplin_learner (id, school_id, given_name, family_name, created_at)"
                + " values (?, ?, 'Ada', 'Test', ?)")) {
      s.setObject(1, id);
      s.setObject(2, school);
      s.setObject(3, AT);
      s.executeUpdate();
    }
    return id;
  }

  private static int delete(Connection c, String table, UUID id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("delete from " + table + " where id = ?")) {
      s.setObject(1, id);
      return s.executeUpdate();
    }
  }

  private static int marks(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        var rs = s.executeQuery("select count(*) from tremplin_attendance")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}

package org.tremplin.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.school.JdbiSchools;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class DatabaseIT {
  @AllDatabases
  void storeCallsInsideATransactionJoinItAndRollBackWithIt(TestDatabase db) {
    Database database = Database.open(db.fresh());
    JdbiSchools schools = new JdbiSchools(database.jdbi());
    School school = new School(SchoolId.random(), "École", Departement.of("92"));

    assertThatThrownBy(
            () ->
                database.inTransaction(
                    h -> {
                      schools.insert(school, Instant.EPOCH);
                      assertThat(schools.find(school.id())).contains(school);
                      throw new TremplinException(ErrorCode.INVALID_ARGUMENT, "refused later");
                    }))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(schools.find(school.id())).isEmpty();
  }

  @AllDatabases
  void databaseFailuresBecomeStoreFailuresThatKeepTheSqlState(TestDatabase db) {
    Database database = Database.open(db.fresh());
    JdbiSchools schools = new JdbiSchools(database.jdbi());
    School school = new School(SchoolId.random(), "École", Departement.of("92"));
    schools.insert(school, Instant.EPOCH);

    assertThatThrownBy(
            () ->
                database.inTransaction(
                    h -> {
                      schools.insert(school, Instant.EPOCH);
                      return null;
                    }))
        .isInstanceOfSatisfying(
            TremplinException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILURE);
              assertThat(Database.isUniqueViolation(e)).isTrue();
            });
  }

  @AllDatabases
  void migratingTwiceIsANoOpAndUsesTremplinsOwnHistoryTable(TestDatabase db) {
    var ds = db.fresh();
    int afterFirst = historyRows(Database.open(ds));
    Database again = Database.open(ds);

    assertThat(historyRows(again)).isEqualTo(afterFirst);
    int successfulV1 =
        again
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from "
                                + Database.HISTORY_TABLE
                                + " where version = '1' and success")
                        .mapTo(Integer.class)
                        .one());
    assertThat(successfulV1).isEqualTo(1);
  }

  private static int historyRows(Database database) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from " + Database.HISTORY_TABLE)
                    .mapTo(Integer.class)
                    .one());
  }

  private static final String RETIRED = "classpath:org/tremplin/core/internal/retired";
  private static final String UNRETIRED = "classpath:org/tremplin/core/internal/unretired";
  private static final String NEWER = "classpath:org/tremplin/core/internal/newer";

  /** A database migrated by an older core whose locations held these scripts too. */
  private static DataSource olderCore(TestDatabase db, String... extra) {
    DataSource ds = db.fresh();
    List<String> locations = new java.util.ArrayList<>(List.of(Database.CORE_LOCATION));
    locations.addAll(List.of(extra));
    Flyway.configure()
        .dataSource(ds)
        .table(Database.HISTORY_TABLE)
        .locations(locations.toArray(String[]::new))
        .load()
        .migrate();
    return ds;
  }

  @AllDatabases
  void aRetiredVersionInTheHistoryLetsCoreOpenAndApplyANewerMigration(TestDatabase db) {
    DataSource ds = olderCore(db, RETIRED);
    Database.open(ds)
        .inTransaction(
            h -> h.createUpdate("insert into tremplin_moved_out values (1, 'kept')").execute());

    Database.migrateCore(ds, List.of(Database.CORE_LOCATION, NEWER)); // V900 after the retired V9
    Database reopened = Database.open(ds); // and again without it

    String kept =
        reopened.read(
            h -> h.createQuery("select label from tremplin_moved_out").mapTo(String.class).one());
    int applied =
        reopened.read(
            h ->
                h.createQuery(
                        "select count(*) from "
                            + Database.HISTORY_TABLE
                            + " where version in ('9', '900') and success")
                    .mapTo(Integer.class)
                    .one());
    assertThat(kept).isEqualTo("kept");
    assertThat(applied).isEqualTo(2);
  }

  @AllDatabases
  void aMissingVersionThatWasNotRetiredStillFailsValidation(TestDatabase db) {
    DataSource ds = olderCore(db, RETIRED, UNRETIRED);

    assertThatThrownBy(() -> Database.migrateCore(ds, List.of(Database.CORE_LOCATION, NEWER)))
        .isInstanceOf(FlywayException.class)
        .hasMessageContaining("899");
  }

  @Test
  void anH2DatabaseOutsidePostgresqlModeIsRefusedBeforeAnyTableIsCreated() throws Exception {
    JdbcDataSource plain = new JdbcDataSource();
    plain.setURL("jdbc:h2:mem:plain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    assertThatThrownBy(() -> Tremplin.create(plain, Clock.systemUTC()))
        .isInstanceOfSatisfying(
            TremplinException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    try (var c = plain.getConnection();
        var rs = c.getMetaData().getTables(null, null, "%schema_history%", null)) {
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void anH2PoolOnTheUrlTremplinGivesOpens() {
    JdbcDataSource pool = new JdbcDataSource();
    pool.setURL(Tremplin.jdbcUrl("jdbc:h2:mem:helper-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));

    try (var tremplin = Tremplin.create(pool, Clock.systemUTC())) {
      assertThat(tremplin.templates().list()).isNotEmpty();
    }
  }
}

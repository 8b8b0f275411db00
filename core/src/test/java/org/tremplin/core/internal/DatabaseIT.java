package org.tremplin.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.api.school.SchoolId;
import org.tremplin.core.school.JdbiSchools;
import org.tremplin.core.testing.AllDatabases;
import org.tremplin.core.testing.TestDatabase;

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
}

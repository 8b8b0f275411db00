package org.tremplin.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * A module's own writes and core calls in one unit of work, on the Jdbi core uses: they commit
 * together and roll back together, on H2 and PostgreSQL.
 */
class UnitOfWorkIT {
  private static final ModuleSchema MODULE =
      ModuleSchema.of("classpath:org/tremplin/core/persistence/module", "tremplin_test_history");

  private static CohortFixture fixture(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    f.tremplin.transactions().migrate(MODULE);
    return f;
  }

  private static NewCohort newCohort(CohortFixture f, String name) {
    return new NewCohort(
        f.school.id(),
        name,
        new DateRange(CohortFixture.START, CohortFixture.END),
        f.tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref(),
        12,
        List.of());
  }

  private static int link(Handle h, String course, CohortId cohort) {
    return h.createUpdate("insert into tremplin_test_link (course, cohort_id) values (:c, :id)")
        .bind("c", course)
        .bind("id", cohort.value())
        .execute();
  }

  @AllDatabases
  void aCoreCallAndAModulesWriteCommitTogether(TestDatabase db) {
    CohortFixture f = fixture(db);
    UnitOfWork work = f.tremplin.transactions();

    Cohort opened =
        work.inTransaction(
            h -> {
              Cohort c = f.tremplin.cohorts().open(f.manager, newCohort(f, "Promo B"));
              link(h, "course-b", c.id());
              return c;
            });

    assertThat(f.tremplin.cohorts().get(f.manager, opened.id()).name()).isEqualTo("Promo B");
    assertThat(f.rows("tremplin_test_link")).isEqualTo(1);
  }

  @AllDatabases
  void anExceptionAfterBothWritesRollsBackTheCoreCallToo(TestDatabase db) {
    CohortFixture f = fixture(db);
    int cohorts = f.rows("tremplin_cohort");

    assertThatThrownBy(
            () ->
                f.tremplin
                    .transactions()
                    .inTransaction(
                        h -> {
                          Cohort c = f.tremplin.cohorts().open(f.manager, newCohort(f, "Promo C"));
                          link(h, "course-c", c.id());
                          // inside the unit of work, core's own reads see the uncommitted cohort
                          assertThat(f.tremplin.cohorts().get(f.manager, c.id())).isNotNull();
                          throw new IllegalStateException("the module changed its mind");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(f.rows("tremplin_cohort")).isEqualTo(cohorts);
    assertThat(f.rows("tremplin_test_link")).isZero();
  }

  @AllDatabases
  void aModulesFailedWriteUndoesTheCoreCallAndIsAStoreFailure(TestDatabase db) {
    CohortFixture f = fixture(db);
    f.tremplin.transactions().inTransaction(h -> link(h, "course-taken", f.cohort.id()));
    int cohorts = f.rows("tremplin_cohort");

    assertThatThrownBy(
            () ->
                f.tremplin
                    .transactions()
                    .inTransaction(
                        h -> {
                          Cohort c = f.tremplin.cohorts().open(f.manager, newCohort(f, "Promo D"));
                          return link(h, "course-taken", c.id()); // primary key violation
                        }))
        .isInstanceOfSatisfying(
            TremplinException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILURE);
              assertThat(UnitOfWork.isUniqueViolation(e)).isTrue();
            });
    assertThat(f.rows("tremplin_cohort")).isEqualTo(cohorts);
    assertThat(f.rows("tremplin_test_link")).isEqualTo(1);
  }

  @AllDatabases
  void aRefusedCoreCallUndoesTheModulesEarlierWrite(TestDatabase db) {
    CohortFixture f = fixture(db);
    assertThatThrownBy(
            () ->
                f.tremplin
                    .transactions()
                    .inTransaction(
                        h -> {
                          link(h, "course-e", f.cohort.id());
                          // a coach may not open cohorts: refused after the module wrote
                          return f.tremplin.cohorts().open(f.coach, newCohort(f, "Promo E"));
                        }))
        .isInstanceOfSatisfying(
            TremplinException.class,
            e -> assertThat(e.code().kind()).isEqualTo(ErrorCode.Kind.FORBIDDEN));
    assertThat(f.rows("tremplin_test_link")).isZero();
  }

  @AllDatabases
  void aModulesMigrationsRunOnceWithTheirOwnHistoryAfterCores(TestDatabase db) {
    CohortFixture f = fixture(db);
    UnitOfWork work = f.tremplin.transactions();
    work.migrate(MODULE); // again: nothing to do

    List<Map<String, Object>> history =
        work.read(
            h ->
                h.createQuery(
                        "select version from tremplin_test_history where type = 'SQL' and success"
                            + " order by installed_rank")
                    .mapToMap()
                    .list());
    assertThat(history).extracting(r -> String.valueOf(r.get("version"))).containsExactly("1", "2");
    int inCoresHistory =
        work.read(
            h ->
                h.createQuery(
                        "select count(*) from tremplin_schema_history where script like '%module%'")
                    .mapTo(Integer.class)
                    .one());
    assertThat(inCoresHistory).isZero();
  }

  @AllDatabases
  void aModuleCannotShareCoresHistoryTable(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);

    assertThatThrownBy(
            () ->
                f.tremplin
                    .transactions()
                    .migrate(
                        ModuleSchema.of(
                            "classpath:org/tremplin/core/persistence/module",
                            "tremplin_schema_history")))
        .isInstanceOfSatisfying(
            TremplinException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}

package org.tremplin.core.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.tremplin.api.CohortId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.core.internal.Database;

/** {@link Cohorts} on JDBC. Thread-safe. */
public final class JdbiCohorts implements Cohorts {
  private static final String SELECT =
      "select id, school_id, name, first_day, last_day, template_id, template_version, capacity"
          + " from tremplin_cohort";

  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiCohorts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(Cohort c, Instant createdAt) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "insert into tremplin_cohort (id, school_id, name, first_day, last_day,"
                      + " template_id, template_version, capacity, created_at) values (:id,"
                      + " :school, :name, :first, :last, :templateId, :templateVersion,"
                      + " :capacity, :at)")
              .bind("id", c.id().value())
              .bind("school", c.school().value())
              .bind("name", c.name())
              .bind("first", c.range().first())
              .bind("last", c.range().last())
              .bind("templateId", c.template().id())
              .bind("templateVersion", c.template().version())
              .bind("capacity", c.capacity())
              .bind("at", Database.timestamp(createdAt))
              .execute();
          if (!c.closures().isEmpty()) {
            PreparedBatch batch =
                h.prepareBatch(
                    "insert into tremplin_cohort_closure (cohort_id, first_day, last_day)"
                        + " values (:cohort, :first, :last)");
            for (DateRange r : c.closures()) {
              batch
                  .bind("cohort", c.id().value())
                  .bind("first", r.first())
                  .bind("last", r.last())
                  .add();
            }
            batch.execute();
          }
        });
  }

  @Override
  public Optional<Cohort> find(CohortId id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " where id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> row(rs))
                .findOne()
                .map(r -> r.toCohort(closures(h, id))));
  }

  @Override
  public List<Cohort> bySchool(SchoolId school) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery(SELECT + " where school_id = :school order by first_day, name, id")
                .bind("school", school.value())
                .map((rs, ctx) -> row(rs))
                .list()
                .stream()
                .map(r -> r.toCohort(closures(h, new CohortId(r.id()))))
                .toList());
  }

  private static List<DateRange> closures(Handle h, CohortId id) {
    return h.createQuery(
            "select first_day, last_day from tremplin_cohort_closure where cohort_id = :id"
                + " order by first_day")
        .bind("id", id.value())
        .map(
            (rs, ctx) ->
                new DateRange(
                    rs.getObject("first_day", LocalDate.class),
                    rs.getObject("last_day", LocalDate.class)))
        .list();
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getObject("school_id", UUID.class),
        rs.getString("name"),
        rs.getObject("first_day", LocalDate.class),
        rs.getObject("last_day", LocalDate.class),
        rs.getString("template_id"),
        rs.getInt("template_version"),
        rs.getInt("capacity"));
  }

  private record Row(
      UUID id,
      UUID school,
      String name,
      LocalDate first,
      LocalDate last,
      String templateId,
      int templateVersion,
      int capacity) {
    Cohort toCohort(List<DateRange> closures) {
      return new Cohort(
          new CohortId(id),
          new SchoolId(school),
          name,
          new DateRange(first, last),
          new TemplateRef(templateId, templateVersion),
          capacity,
          closures);
    }
  }
}

package org.tremplin.core.school;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.tremplin.api.SchoolId;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.internal.Database;

/** {@link Schools} on JDBC. Thread-safe. */
public final class JdbiSchools implements Schools {
  private static final RowMapper<School> MAPPER =
      (rs, ctx) ->
          new School(
              new SchoolId(rs.getObject("id", UUID.class)),
              rs.getString("name"),
              new Departement(rs.getString("departement")));

  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiSchools(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(School school, Instant createdAt) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_school (id, name, departement, created_at)"
                        + " values (:id, :name, :departement, :at)")
                .bind("id", school.id().value())
                .bind("name", school.name())
                .bind("departement", school.departement().code())
                .bind("at", Database.timestamp(createdAt))
                .execute());
  }

  @Override
  public Optional<School> find(SchoolId id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select id, name, departement from tremplin_school where id = :id")
                .bind("id", id.value())
                .map(MAPPER)
                .findOne());
  }

  @Override
  public List<School> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select id, name, departement from tremplin_school order by name, id")
                .map(MAPPER)
                .list());
  }
}

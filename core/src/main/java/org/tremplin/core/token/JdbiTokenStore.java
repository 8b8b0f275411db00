package org.tremplin.core.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.token.ApiToken;
import org.tremplin.api.token.ApiTokenId;
import org.tremplin.core.internal.Database;

/** {@link TokenStore} on JDBC (table {@code tremplin_api_token}). Thread-safe. */
final class JdbiTokenStore implements TokenStore {
  private static final String COLUMNS =
      "id, secret_hash, role, school_id, person, label, created_by, created_at, expires_at, revoked_at";

  private static final RowMapper<Stored> MAPPER =
      (rs, ctx) -> new Stored(token(rs), rs.getString("secret_hash"));

  private final Jdbi jdbi;

  JdbiTokenStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(ApiToken token, String secretHash) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_api_token (id, secret_hash, role, school_id, person, label,"
                        + " created_by, created_at, expires_at)"
                        + " values (:id, :hash, :role, cast(:school as uuid), :person, :label, :by, :at,"
                        // cast: a network token's null is untyped, which PostgreSQL takes for text
                        + " :expires)")
                .bind("id", token.id().value())
                .bind("hash", secretHash)
                .bind("role", token.grant().role().name())
                .bind(
                    "school",
                    token.grant().scope() instanceof Scope.OfSchool s ? s.school().value() : null)
                .bind("person", token.person())
                .bind("label", token.label())
                .bind("by", token.createdBy())
                .bind("at", Database.timestamp(token.createdAt()))
                .bind(
                    "expires",
                    token.expiresAt() == null ? null : Database.timestamp(token.expiresAt()))
                .execute());
  }

  @Override
  public Optional<Stored> find(ApiTokenId id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from tremplin_api_token where id = :id")
                .bind("id", id.value())
                .map(MAPPER)
                .findOne());
  }

  @Override
  public boolean revoke(ApiTokenId id, Instant at, String by) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update tremplin_api_token set revoked_at = :at, revoked_by = :by"
                            + " where id = :id and revoked_at is null")
                    .bind("at", Database.timestamp(at))
                    .bind("by", by)
                    .bind("id", id.value())
                    .execute())
        > 0;
  }

  @Override
  public List<ApiToken> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select " + COLUMNS + " from tremplin_api_token order by created_at desc, id")
                .map(MAPPER)
                .map(Stored::token)
                .list());
  }

  @Override
  public List<ApiToken> ofSchool(SchoolId school) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from tremplin_api_token where school_id = :school"
                        + " order by created_at desc, id")
                .bind("school", school.value())
                .map(MAPPER)
                .map(Stored::token)
                .list());
  }

  private static ApiToken token(ResultSet rs) throws SQLException {
    UUID school = rs.getObject("school_id", UUID.class);
    Scope scope = school == null ? new Scope.Network() : new Scope.OfSchool(new SchoolId(school));
    return new ApiToken(
        new ApiTokenId(rs.getObject("id", UUID.class)),
        new Grant(Role.valueOf(rs.getString("role")), scope),
        rs.getString("person"),
        rs.getString("label"),
        rs.getString("created_by"),
        Database.instant(rs, "created_at"),
        nullableInstant(rs, "expires_at"),
        nullableInstant(rs, "revoked_at"));
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, String column)
      throws SQLException {
    return rs.getObject(column) == null ? null : Database.instant(rs, column);
  }
}

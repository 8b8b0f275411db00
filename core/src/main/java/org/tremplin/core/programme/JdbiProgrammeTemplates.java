package org.tremplin.core.programme;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.core.internal.Database;

/** {@link ProgrammeTemplates} on JDBC. Thread-safe. */
public final class JdbiProgrammeTemplates implements ProgrammeTemplates {
  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiProgrammeTemplates(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(TemplateRef ref, String document, Instant importedAt) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_programme_template"
                        + " (template_id, template_version, body, imported_at)"
                        + " values (:id, :version, :body, :at)")
                .bind("id", ref.id())
                .bind("version", ref.version())
                .bind("body", document)
                .bind("at", Database.timestamp(importedAt))
                .execute());
  }

  @Override
  public Optional<String> document(TemplateRef ref) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select body from tremplin_programme_template"
                        + " where template_id = :id and template_version = :version")
                .bind("id", ref.id())
                .bind("version", ref.version())
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public Optional<Integer> latestVersion(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select max(template_version) from tremplin_programme_template"
                        + " where template_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .findOne());
  }

  @Override
  public List<TemplateRef> refs() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select template_id, template_version from tremplin_programme_template"
                        + " order by template_id, template_version")
                .map((rs, ctx) -> new TemplateRef(rs.getString(1), rs.getInt(2)))
                .list());
  }
}

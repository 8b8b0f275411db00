package org.tremplin.core.privacy;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.tremplin.api.LearnerId;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.api.privacy.AuditEntry;
import org.tremplin.core.internal.Database;

/** {@link AuditLog} on JDBC. Thread-safe. */
public final class JdbiAuditLog implements AuditLog {
  private final Jdbi jdbi;

  /**
   * A log on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiAuditLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void append(AuditEntry e) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_audit (at, actor_id, action, learner_id, what)"
                        + " values (:at, :actor, :action, :learner, :what)")
                .bind("at", Database.timestamp(e.at()))
                .bind("actor", e.actor())
                .bind("action", e.action().name())
                .bind("learner", e.learner().value())
                .bind("what", e.what())
                .execute());
  }

  @Override
  public void appendAll(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    jdbi.useHandle(
        h -> {
          PreparedBatch batch =
              h.prepareBatch(
                  "insert into tremplin_audit (at, actor_id, action, learner_id, what)"
                      + " values (:at, :actor, :action, :learner, :what)");
          for (AuditEntry e : entries) {
            batch
                .bind("at", Database.timestamp(e.at()))
                .bind("actor", e.actor())
                .bind("action", e.action().name())
                .bind("learner", e.learner().value())
                .bind("what", e.what())
                .add();
          }
          batch.execute();
        });
  }

  @Override
  public List<AuditEntry> byLearner(LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select at, actor_id, action, learner_id, what from tremplin_audit"
                        + " where learner_id = :learner order by id")
                .bind("learner", learner.value())
                .map(
                    (rs, ctx) ->
                        new AuditEntry(
                            Database.instant(rs, "at"),
                            rs.getString("actor_id"),
                            AuditAction.valueOf(rs.getString("action")),
                            new LearnerId(rs.getObject("learner_id", UUID.class)),
                            rs.getString("what")))
                .list());
  }
}

package org.tremplin.core.coaching;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.LearnerId;
import org.tremplin.api.coaching.ReferentAssignment;
import org.tremplin.core.internal.Database;

/** {@link Referents} on JDBC. Thread-safe. */
public final class JdbiReferents implements Referents {
  private static final String NEWEST =
      " and not exists (select 1 from tremplin_referent n"
          + " where n.learner_id = r.learner_id and n.seq > r.seq)";

  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiReferents(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void append(int seq, ReferentAssignment a) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_referent (learner_id, seq, coach_id, since,"
                        + " assigned_by, assigned_at) values (:learner, :seq, :coach, :since, :by,"
                        + " :at)")
                .bind("learner", a.learner().value())
                .bind("seq", seq)
                .bind("coach", a.coach())
                .bind("since", a.since())
                .bind("by", a.assignedBy())
                .bind("at", Database.timestamp(a.assignedAt()))
                .execute());
  }

  @Override
  public List<ReferentAssignment> history(LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select learner_id, coach_id, since, assigned_by, assigned_at"
                        + " from tremplin_referent where learner_id = :learner order by seq")
                .bind("learner", learner.value())
                .map(
                    (rs, ctx) ->
                        new ReferentAssignment(
                            new LearnerId(rs.getObject("learner_id", UUID.class)),
                            rs.getString("coach_id"),
                            rs.getObject("since", LocalDate.class),
                            rs.getString("assigned_by"),
                            Database.instant(rs, "assigned_at")))
                .list());
  }

  @Override
  public Optional<String> current(LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select r.coach_id from tremplin_referent r where r.learner_id = :learner"
                        + NEWEST)
                .bind("learner", learner.value())
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public List<LearnerId> caseload(String coach) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select r.learner_id from tremplin_referent r where r.coach_id = :coach"
                        + NEWEST
                        + " order by r.learner_id")
                .bind("coach", coach)
                .map((rs, ctx) -> new LearnerId(rs.getObject("learner_id", UUID.class)))
                .list());
  }
}

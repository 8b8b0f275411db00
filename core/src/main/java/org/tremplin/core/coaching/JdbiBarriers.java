package org.tremplin.core.coaching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.coaching.Barrier;
import org.tremplin.api.coaching.BarrierCategory;
import org.tremplin.api.coaching.BarrierId;
import org.tremplin.api.coaching.BarrierSeverity;
import org.tremplin.api.coaching.BarrierStatus;
import org.tremplin.api.coaching.BarrierStatusChange;
import org.tremplin.core.internal.Database;

/** {@link Barriers} on JDBC. Thread-safe. */
public final class JdbiBarriers implements Barriers {
  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiBarriers(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(Barrier b) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_barrier (id, cohort_id, learner_id, category, severity,"
                        + " opened_on, description) values (:id, :cohort, :learner, :category,"
                        + " :severity, :openedOn, :description)")
                .bind("id", b.id().value())
                .bind("cohort", b.cohort().value())
                .bind("learner", b.learner().value())
                .bind("category", b.category().name())
                .bind("severity", b.severity().name())
                .bind("openedOn", b.openedOn())
                .bind("description", b.description())
                .execute());
    for (int i = 0; i < b.history().size(); i++) {
      appendStatus(b.id(), i + 1, b.history().get(i));
    }
  }

  @Override
  public void appendStatus(BarrierId barrier, int seq, BarrierStatusChange c) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_barrier_status (barrier_id, seq, status, changed_on,"
                        + " note, recorded_by, recorded_at) values (:barrier, :seq, :status, :on,"
                        + " :note, :by, :at)")
                .bind("barrier", barrier.value())
                .bind("seq", seq)
                .bind("status", c.status().name())
                .bind("on", c.on())
                .bind("note", c.note())
                .bind("by", c.recordedBy())
                .bind("at", Database.timestamp(c.recordedAt()))
                .execute());
  }

  @Override
  public Optional<Barrier> find(CohortId cohort, LearnerId learner, BarrierId id) {
    return load(cohort, learner, id).stream().findFirst();
  }

  @Override
  public List<Barrier> byLearner(CohortId cohort, LearnerId learner) {
    return load(cohort, learner, null);
  }

  private List<Barrier> load(CohortId cohort, LearnerId learner, @Nullable BarrierId only) {
    String filter = only != null ? " and b.id = :id" : "";
    return jdbi.withHandle(
        h -> {
          Map<UUID, List<BarrierStatusChange>> history = history(h, cohort, learner, only, filter);
          var query =
              h.createQuery(
                      "select b.id, b.category, b.severity, b.opened_on, b.description"
                          + " from tremplin_barrier b"
                          + " where b.cohort_id = :cohort and b.learner_id = :learner"
                          + filter
                          + " order by b.opened_on, b.id")
                  .bind("cohort", cohort.value())
                  .bind("learner", learner.value());
          if (only != null) {
            query.bind("id", only.value());
          }
          return query
              .map(
                  (rs, ctx) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Barrier(
                        new BarrierId(id),
                        cohort,
                        learner,
                        BarrierCategory.valueOf(rs.getString("category")),
                        BarrierSeverity.valueOf(rs.getString("severity")),
                        rs.getObject("opened_on", LocalDate.class),
                        rs.getString("description"),
                        history.getOrDefault(id, List.of()));
                  })
              .list();
        });
  }

  private static Map<UUID, List<BarrierStatusChange>> history(
      Handle h, CohortId cohort, LearnerId learner, @Nullable BarrierId only, String filter) {
    Map<UUID, List<BarrierStatusChange>> result = new HashMap<>();
    var query =
        h.createQuery(
                "select s.barrier_id, s.status, s.changed_on, s.note, s.recorded_by,"
                    + " s.recorded_at from tremplin_barrier_status s"
                    + " join tremplin_barrier b on b.id = s.barrier_id"
                    + " where b.cohort_id = :cohort and b.learner_id = :learner"
                    + filter
                    + " order by s.barrier_id, s.seq")
            .bind("cohort", cohort.value())
            .bind("learner", learner.value());
    if (only != null) {
      query.bind("id", only.value());
    }
    query
        .map(
            (rs, ctx) -> {
              result
                  .computeIfAbsent(rs.getObject("barrier_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new BarrierStatusChange(
                          BarrierStatus.valueOf(rs.getString("status")),
                          rs.getObject("changed_on", LocalDate.class),
                          rs.getString("note"),
                          rs.getString("recorded_by"),
                          Database.instant(rs, "recorded_at")));
              return 0;
            })
        .list();
    return result;
  }
}

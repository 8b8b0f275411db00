package org.tremplin.core.coaching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.coaching.ImmersionId;
import org.tremplin.api.coaching.ImmersionObjective;
import org.tremplin.api.coaching.WorkplaceImmersion;
import org.tremplin.core.internal.Database;

/** {@link Immersions} on JDBC. Thread-safe. */
public final class JdbiImmersions implements Immersions {
  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiImmersions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(WorkplaceImmersion i, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_immersion (id, cohort_id, learner_id, objective,"
                        + " host_organisation, tutor, first_day, last_day, recorded_by,"
                        + " recorded_at) values (:id, :cohort, :learner, :objective, :host,"
                        + " :tutor, :first, :last, :by, :at)")
                .bind("id", i.id().value())
                .bind("cohort", i.cohort().value())
                .bind("learner", i.learner().value())
                .bind("objective", i.objective().name())
                .bind("host", i.hostOrganisation())
                .bind("tutor", i.tutor())
                .bind("first", i.firstDay())
                .bind("last", i.lastDay())
                .bind("by", i.recordedBy())
                .bind("at", Database.timestamp(at))
                .execute());
  }

  @Override
  public List<WorkplaceImmersion> byLearner(CohortId cohort, LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, objective, host_organisation, tutor, first_day, last_day,"
                        + " recorded_by from tremplin_immersion"
                        + " where cohort_id = :cohort and learner_id = :learner"
                        + " order by first_day, id")
                .bind("cohort", cohort.value())
                .bind("learner", learner.value())
                .map(
                    (rs, ctx) ->
                        new WorkplaceImmersion(
                            new ImmersionId(rs.getObject("id", UUID.class)),
                            cohort,
                            learner,
                            ImmersionObjective.valueOf(rs.getString("objective")),
                            rs.getString("host_organisation"),
                            rs.getString("tutor"),
                            rs.getObject("first_day", LocalDate.class),
                            rs.getObject("last_day", LocalDate.class),
                            rs.getString("recorded_by")))
                .list());
  }
}

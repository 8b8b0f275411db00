package org.tremplin.core.coaching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.coaching.Action;
import org.tremplin.api.coaching.ActionId;
import org.tremplin.api.coaching.ActionOwner;
import org.tremplin.api.coaching.ActionStatus;
import org.tremplin.api.coaching.BarrierId;
import org.tremplin.api.coaching.Objective;
import org.tremplin.api.coaching.ObjectiveFocus;
import org.tremplin.api.coaching.ObjectiveId;
import org.tremplin.api.coaching.Partner;
import org.tremplin.api.coaching.Referral;
import org.tremplin.api.coaching.ReferralId;
import org.tremplin.core.internal.Database;

/** {@link ActionPlans} on JDBC. Thread-safe. */
public final class JdbiActionPlans implements ActionPlans {
  private static final String ACTIONS =
      "select a.id, a.objective_id, a.description, a.owned_by, a.due_on, a.status"
          + " from tremplin_action a join tremplin_objective o on o.id = a.objective_id"
          + " where o.cohort_id = :cohort and o.learner_id = :learner";

  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiActionPlans(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insertObjective(
      CohortId cohort, LearnerId learner, Objective o, String by, Instant at) {
    @Nullable UUID barrier =
        o.focus() instanceof ObjectiveFocus.OnBarrier b ? b.barrier().value() : null;
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_objective (id, cohort_id, learner_id, title, barrier_id,"
                        + " set_on, set_by, set_at) values (:id, :cohort, :learner, :title,"
                        + " cast(:barrier as uuid), :setOn, :by, :at)")
                .bind("id", o.id().value())
                .bind("cohort", cohort.value())
                .bind("learner", learner.value())
                .bind("title", o.title())
                .bindByType("barrier", barrier, UUID.class)
                .bind("setOn", o.setOn())
                .bind("by", by)
                .bind("at", Database.timestamp(at))
                .execute());
  }

  @Override
  public boolean hasObjective(CohortId cohort, LearnerId learner, ObjectiveId objective) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "select count(*) from tremplin_objective"
                            + " where id = :id and cohort_id = :cohort and learner_id = :learner")
                    .bind("id", objective.value())
                    .bind("cohort", cohort.value())
                    .bind("learner", learner.value())
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  @Override
  public void insertAction(Action a, String by, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_action (id, objective_id, description, owned_by, due_on,"
                        + " status, updated_by, updated_at) values (:id, :objective,"
                        + " :description, :owner, :dueOn, :status, :by, :at)")
                .bind("id", a.id().value())
                .bind("objective", a.objective().value())
                .bind("description", a.description())
                .bind("owner", a.owner().name())
                .bind("dueOn", a.dueOn())
                .bind("status", a.status().name())
                .bind("by", by)
                .bind("at", Database.timestamp(at))
                .execute());
  }

  @Override
  public Optional<Action> findAction(CohortId cohort, LearnerId learner, ActionId action) {
    return jdbi.withHandle(
        h ->
            h.createQuery(ACTIONS + " and a.id = :id")
                .bind("id", action.value())
                .bind("cohort", cohort.value())
                .bind("learner", learner.value())
                .map((rs, ctx) -> action(rs))
                .findOne());
  }

  @Override
  public boolean closeAction(ActionId action, ActionStatus status, String by, Instant at) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update tremplin_action set status = :status, updated_by = :by,"
                            + " updated_at = :at where id = :id and status = 'TODO'")
                    .bind("id", action.value())
                    .bind("status", status.name())
                    .bind("by", by)
                    .bind("at", Database.timestamp(at))
                    .execute())
        == 1;
  }

  @Override
  public List<Objective> objectives(CohortId cohort, LearnerId learner) {
    return jdbi.withHandle(
        h -> {
          Map<ObjectiveId, List<Action>> actions = new HashMap<>();
          h.createQuery(ACTIONS + " order by a.due_on, a.id")
              .bind("cohort", cohort.value())
              .bind("learner", learner.value())
              .map((rs, ctx) -> action(rs))
              .forEach(a -> actions.computeIfAbsent(a.objective(), k -> new ArrayList<>()).add(a));
          return h.createQuery(
                  "select id, title, barrier_id, set_on from tremplin_objective"
                      + " where cohort_id = :cohort and learner_id = :learner"
                      + " order by set_on, set_at, id")
              .bind("cohort", cohort.value())
              .bind("learner", learner.value())
              .map(
                  (rs, ctx) -> {
                    ObjectiveId id = new ObjectiveId(rs.getObject("id", UUID.class));
                    UUID barrier = rs.getObject("barrier_id", UUID.class);
                    return new Objective(
                        id,
                        rs.getString("title"),
                        barrier == null
                            ? new ObjectiveFocus.CareerProject()
                            : new ObjectiveFocus.OnBarrier(new BarrierId(barrier)),
                        rs.getObject("set_on", LocalDate.class),
                        actions.getOrDefault(id, List.of()));
                  })
              .list();
        });
  }

  @Override
  public void insertReferral(CohortId cohort, LearnerId learner, Referral r, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_referral (id, cohort_id, learner_id, partner,"
                        + " referred_on, purpose, recorded_by, recorded_at) values (:id, :cohort,"
                        + " :learner, :partner, :on, :purpose, :by, :at)")
                .bind("id", r.id().value())
                .bind("cohort", cohort.value())
                .bind("learner", learner.value())
                .bind("partner", r.partner().name())
                .bind("on", r.on())
                .bind("purpose", r.purpose())
                .bind("by", r.recordedBy())
                .bind("at", Database.timestamp(at))
                .execute());
  }

  @Override
  public List<Referral> referrals(CohortId cohort, LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, partner, referred_on, purpose, recorded_by from tremplin_referral"
                        + " where cohort_id = :cohort and learner_id = :learner"
                        + " order by referred_on, recorded_at, id")
                .bind("cohort", cohort.value())
                .bind("learner", learner.value())
                .map(
                    (rs, ctx) ->
                        new Referral(
                            new ReferralId(rs.getObject("id", UUID.class)),
                            Partner.valueOf(rs.getString("partner")),
                            rs.getObject("referred_on", LocalDate.class),
                            rs.getString("purpose"),
                            rs.getString("recorded_by")))
                .list());
  }

  private static Action action(ResultSet rs) throws SQLException {
    return new Action(
        new ActionId(rs.getObject("id", UUID.class)),
        new ObjectiveId(rs.getObject("objective_id", UUID.class)),
        rs.getString("description"),
        ActionOwner.valueOf(rs.getString("owned_by")),
        rs.getObject("due_on", LocalDate.class),
        ActionStatus.valueOf(rs.getString("status")));
  }
}

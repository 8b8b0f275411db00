package org.tremplin.core.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.alert.Alert;
import org.tremplin.api.alert.AlertStatus;
import org.tremplin.core.internal.Database;

/** {@link Alerts} on JDBC. Thread-safe. */
public final class JdbiAlerts implements Alerts {
  private static final String SELECT =
      "select id, cohort_id, learner_id, evidence, raised_on, status, changed_by, changed_at"
          + " from tremplin_alert";

  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiAlerts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(Alert a) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_alert (id, cohort_id, learner_id, kind, situation,"
                        + " evidence, raised_on, status, changed_by, changed_at) values (:id,"
                        + " :cohort, :learner, :kind, :situation, :evidence, :raised, :status,"
                        + " :by, :at)")
                .bind("id", a.id())
                .bind("cohort", a.cohort().value())
                .bind("learner", a.learner().value())
                .bind("kind", a.signal().getClass().getSimpleName())
                .bind("situation", a.signal().situation())
                .bind("evidence", SignalCodec.write(a.signal()))
                .bind("raised", a.raisedOn())
                .bind("status", a.status().name())
                .bind("by", a.changedBy())
                .bind("at", Database.timestamp(a.changedAt()))
                .execute());
  }

  @Override
  public Optional<Alert> find(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> alert(rs))
                .findOne());
  }

  @Override
  public List<Alert> unresolved(LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + " where learner_id = :learner and status <> 'RESOLVED'"
                        + " order by raised_on, situation")
                .bind("learner", learner.value())
                .map((rs, ctx) -> alert(rs))
                .list());
  }

  @Override
  public List<Alert> unresolvedOf(Collection<LearnerId> learners) {
    if (learners.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + " where learner_id in (<learners>) and status <> 'RESOLVED'"
                        + " order by learner_id, raised_on, situation")
                .bindList("learners", learners.stream().map(LearnerId::value).distinct().toList())
                .map((rs, ctx) -> alert(rs))
                .list());
  }

  @Override
  public void changeStatus(UUID id, AlertStatus status, String by, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update tremplin_alert set status = :status, changed_by = :by,"
                        + " changed_at = :at where id = :id")
                .bind("status", status.name())
                .bind("by", by)
                .bind("at", Database.timestamp(at))
                .bind("id", id)
                .execute());
  }

  @Override
  public Optional<String> thresholds(SchoolId school) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select body from tremplin_risk_thresholds where school_id = :school")
                .bind("school", school.value())
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public void putThresholds(SchoolId school, String document, String by, Instant at) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate("delete from tremplin_risk_thresholds where school_id = :school")
              .bind("school", school.value())
              .execute();
          h.createUpdate(
                  "insert into tremplin_risk_thresholds (school_id, body, changed_by, changed_at)"
                      + " values (:school, :body, :by, :at)")
              .bind("school", school.value())
              .bind("body", document)
              .bind("by", by)
              .bind("at", Database.timestamp(at))
              .execute();
        });
  }

  private static Alert alert(ResultSet rs) throws SQLException {
    return new Alert(
        rs.getObject("id", UUID.class),
        new CohortId(rs.getObject("cohort_id", UUID.class)),
        new LearnerId(rs.getObject("learner_id", UUID.class)),
        SignalCodec.read(rs.getString("evidence")),
        rs.getObject("raised_on", LocalDate.class),
        AlertStatus.valueOf(rs.getString("status")),
        rs.getString("changed_by"),
        Database.instant(rs, "changed_at"));
  }
}

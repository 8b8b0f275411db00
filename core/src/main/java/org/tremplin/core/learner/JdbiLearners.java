package org.tremplin.core.learner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.learner.EnrolmentEvent;
import org.tremplin.api.learner.EnrolmentEventKind;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.internal.Database;

/** {@link Learners} on JDBC. Thread-safe. */
public final class JdbiLearners implements Learners {
  private static final RowMapper<Learner> LEARNER =
      (rs, ctx) ->
          new Learner(
              new LearnerId(rs.getObject("id", UUID.class)),
              new SchoolId(rs.getObject("school_id", UUID.class)),
              rs.getString("given_name"),
              rs.getString("family_name"));

  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiLearners(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(Learner learner, Instant createdAt) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_learner (id, school_id, given_name, family_name,"
                        + " created_at) values (:id, :school, :given, :family, :at)")
                .bind("id", learner.id().value())
                .bind("school", learner.school().value())
                .bind("given", learner.givenName())
                .bind("family", learner.familyName())
                .bind("at", Database.timestamp(createdAt))
                .execute());
  }

  @Override
  public void insertAll(List<Learner> learners, Instant createdAt) {
    if (learners.isEmpty()) {
      return;
    }
    jdbi.useHandle(
        h -> {
          org.jdbi.v3.core.statement.PreparedBatch batch =
              h.prepareBatch(
                  "insert into tremplin_learner (id, school_id, given_name, family_name,"
                      + " created_at) values (:id, :school, :given, :family, :at)");
          for (Learner learner : learners) {
            batch
                .bind("id", learner.id().value())
                .bind("school", learner.school().value())
                .bind("given", learner.givenName())
                .bind("family", learner.familyName())
                .bind("at", Database.timestamp(createdAt))
                .add();
          }
          batch.execute();
        });
  }

  @Override
  public Optional<Learner> find(LearnerId id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, school_id, given_name, family_name from tremplin_learner where id = :id")
                .bind("id", id.value())
                .map(LEARNER)
                .findOne());
  }

  @Override
  public List<Learner> findAll(java.util.Collection<LearnerId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, school_id, given_name, family_name from tremplin_learner"
                        + " where id in (<ids>)")
                .bindList("ids", ids.stream().map(LearnerId::value).distinct().toList())
                .map(LEARNER)
                .list());
  }

  @Override
  public void appendEvent(CohortId cohort, LearnerId learner, int seq, EnrolmentEvent e) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_enrolment_event (cohort_id, learner_id, seq, kind,"
                        + " event_date, reason, recorded_by, recorded_at) values (:cohort,"
                        + " :learner, :seq, :kind, :date, :reason, :by, :at)")
                .bind("cohort", cohort.value())
                .bind("learner", learner.value())
                .bind("seq", seq)
                .bind("kind", e.kind().name())
                .bind("date", e.date())
                .bind("reason", e.reason())
                .bind("by", e.recordedBy())
                .bind("at", Database.timestamp(e.recordedAt()))
                .execute());
  }

  @Override
  public List<EnrolmentEvent> events(CohortId cohort, LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select kind, event_date, reason, recorded_by, recorded_at"
                        + " from tremplin_enrolment_event"
                        + " where cohort_id = :cohort and learner_id = :learner order by seq")
                .bind("cohort", cohort.value())
                .bind("learner", learner.value())
                .map((rs, ctx) -> event(rs))
                .list());
  }

  @Override
  public List<Learner> inCohort(CohortId cohort) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select l.id, l.school_id, l.given_name, l.family_name from tremplin_learner l"
                        + " where exists (select 1 from tremplin_enrolment_event e"
                        + " where e.learner_id = l.id and e.cohort_id = :cohort)"
                        + " order by l.family_name, l.given_name, l.id")
                .bind("cohort", cohort.value())
                .map(LEARNER)
                .list());
  }

  @Override
  public Map<LearnerId, List<EnrolmentEvent>> eventsByLearner(CohortId cohort) {
    Map<LearnerId, List<EnrolmentEvent>> result = new LinkedHashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select learner_id, kind, event_date, reason, recorded_by, recorded_at"
                        + " from tremplin_enrolment_event where cohort_id = :cohort"
                        + " order by learner_id, seq")
                .bind("cohort", cohort.value())
                .map(
                    (rs, ctx) -> {
                      LearnerId id = new LearnerId(rs.getObject("learner_id", UUID.class));
                      result.computeIfAbsent(id, k -> new ArrayList<>()).add(event(rs));
                      return id;
                    })
                .list());
    return result;
  }

  private static EnrolmentEvent event(ResultSet rs) throws SQLException {
    return new EnrolmentEvent(
        EnrolmentEventKind.valueOf(rs.getString("kind")),
        rs.getObject("event_date", LocalDate.class),
        rs.getString("reason"),
        rs.getString("recorded_by"),
        Database.instant(rs, "recorded_at"));
  }
}

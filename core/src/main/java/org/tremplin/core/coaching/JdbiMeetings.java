package org.tremplin.core.coaching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.ConfidentialNote;
import org.tremplin.api.coaching.MeetingId;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.coaching.MeetingStatus;
import org.tremplin.api.coaching.MissedBy;
import org.tremplin.core.internal.Database;

/** {@link Meetings} on JDBC. Thread-safe. */
public final class JdbiMeetings implements Meetings {
  private static final String SELECT =
      "select id, cohort_id, learner_id, planned_for, status, missed_by, note,"
          + " confidential_note, planned_by, updated_at from tremplin_coaching_meeting";

  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiMeetings(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(CoachingMeeting m) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_coaching_meeting (id, cohort_id, learner_id,"
                        + " planned_for, status, missed_by, note, confidential_note, planned_by,"
                        + " updated_by, updated_at) values (:id, :cohort, :learner, :plannedFor,"
                        + " 'PLANNED', '', :note, '', :by, :by, :at)")
                .bind("id", m.id().value())
                .bind("cohort", m.cohort().value())
                .bind("learner", m.learner().value())
                .bind("plannedFor", m.plannedAt())
                .bind("note", m.note())
                .bind("by", m.plannedBy())
                .bind("at", Database.timestamp(m.updatedAt()))
                .execute());
  }

  @Override
  public boolean recordOutcome(MeetingId id, MeetingOutcome outcome, String by, Instant at) {
    String status = outcome instanceof MeetingOutcome.Missed ? "MISSED" : "HELD";
    String missedBy = outcome instanceof MeetingOutcome.Missed m ? m.by().name() : "";
    String confidential = outcome instanceof MeetingOutcome.Held h ? h.confidentialNote() : "";
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update tremplin_coaching_meeting set status = :status, missed_by ="
                            + " :missedBy, note = :note, confidential_note = :confidential,"
                            + " updated_by = :by, updated_at = :at"
                            + " where id = :id and status = 'PLANNED'")
                    .bind("id", id.value())
                    .bind("status", status)
                    .bind("missedBy", missedBy)
                    .bind("note", outcome.note())
                    .bind("confidential", confidential)
                    .bind("by", by)
                    .bind("at", Database.timestamp(at))
                    .execute())
        == 1;
  }

  @Override
  public Optional<CoachingMeeting> find(CohortId cohort, LearnerId learner, MeetingId id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT + " where id = :id and cohort_id = :cohort and learner_id = :learner")
                .bind("id", id.value())
                .bind("cohort", cohort.value())
                .bind("learner", learner.value())
                .map((rs, ctx) -> meeting(rs))
                .findOne());
  }

  @Override
  public List<CoachingMeeting> byLearner(CohortId cohort, LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + " where cohort_id = :cohort and learner_id = :learner"
                        + " order by planned_for, id")
                .bind("cohort", cohort.value())
                .bind("learner", learner.value())
                .map((rs, ctx) -> meeting(rs))
                .list());
  }

  @Override
  public List<CoachingMeeting> byLearners(Collection<LearnerId> learners) {
    if (learners.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + " where learner_id in (<learners>)"
                        + " order by learner_id, planned_for, id")
                .bindList("learners", learners.stream().map(LearnerId::value).distinct().toList())
                .map((rs, ctx) -> meeting(rs))
                .list());
  }

  private static CoachingMeeting meeting(ResultSet rs) throws SQLException {
    MeetingStatus status =
        switch (rs.getString("status")) {
          case "PLANNED" -> new MeetingStatus.Planned();
          case "HELD" -> new MeetingStatus.Held();
          default -> new MeetingStatus.Missed(MissedBy.valueOf(rs.getString("missed_by")));
        };
    String confidential = rs.getString("confidential_note");
    return new CoachingMeeting(
        new MeetingId(rs.getObject("id", UUID.class)),
        new CohortId(rs.getObject("cohort_id", UUID.class)),
        new LearnerId(rs.getObject("learner_id", UUID.class)),
        rs.getObject("planned_for", LocalDateTime.class),
        status,
        rs.getString("note"),
        confidential.isEmpty()
            ? new ConfidentialNote.Absent()
            : new ConfidentialNote.Shown(confidential),
        rs.getString("planned_by"),
        Database.instant(rs, "updated_at"));
  }
}

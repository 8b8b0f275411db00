package org.tremplin.core.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.BlockMilestoneKind;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceId;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.core.internal.Database;

/** {@link EvidenceRecords} on JDBC. Thread-safe. */
public final class JdbiEvidenceRecords implements EvidenceRecords {
  private static final String SELECT =
      "select id, cohort_id, learner_id, competency, criterion, source, result, assessor,"
          + " assessed_on, comment, recorded_at from tremplin_evidence";

  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiEvidenceRecords(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(Evidence e) {
    String criterion = e.target() instanceof EvidenceTarget.OnCriterion c ? c.criterion() : "";
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_evidence (id, cohort_id, learner_id, competency,"
                        + " criterion, source, result, assessor, assessed_on, comment,"
                        + " recorded_at) values (:id, :cohort, :learner, :competency,"
                        + " :criterion, :source, :result, :assessor, :on, :comment, :at)")
                .bind("id", e.id().value())
                .bind("cohort", e.cohort().value())
                .bind("learner", e.learner().value())
                .bind("competency", e.target().competency())
                .bind("criterion", criterion)
                .bind("source", e.source().name())
                .bind("result", e.result().name())
                .bind("assessor", e.assessor())
                .bind("on", e.assessedOn())
                .bind("comment", e.comment())
                .bind("at", Database.timestamp(e.recordedAt()))
                .execute());
  }

  @Override
  public List<Evidence> byLearner(CohortId cohort, LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + " where cohort_id = :cohort and learner_id = :learner"
                        + " order by assessed_on, seq")
                .bind("cohort", cohort.value())
                .bind("learner", learner.value())
                .map((rs, ctx) -> evidence(rs))
                .list());
  }

  @Override
  public Map<LearnerId, List<Evidence>> byCohort(CohortId cohort) {
    Map<LearnerId, List<Evidence>> result = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(SELECT + " where cohort_id = :cohort order by assessed_on, seq")
                .bind("cohort", cohort.value())
                .map((rs, ctx) -> evidence(rs))
                .forEach(e -> result.computeIfAbsent(e.learner(), k -> new ArrayList<>()).add(e)));
    return result;
  }

  @Override
  public boolean insertMilestone(
      CohortId cohort,
      LearnerId learner,
      Milestone milestone,
      LocalDate on,
      String by,
      Instant at) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "insert into tremplin_block_milestone (cohort_id, learner_id, block_code,"
                            + " kind, completed_on, recorded_by, recorded_at) select :cohort,"
                            + " :learner, :block, :kind, :on, :by, :at where not exists (select 1"
                            + " from tremplin_block_milestone where cohort_id = :cohort and"
                            + " learner_id = :learner and block_code = :block and kind = :kind)")
                    .bind("cohort", cohort.value())
                    .bind("learner", learner.value())
                    .bind("block", milestone.block())
                    .bind("kind", milestone.kind().name())
                    .bind("on", on)
                    .bind("by", by)
                    .bind("at", Database.timestamp(at))
                    .execute())
        == 1;
  }

  @Override
  public Set<Milestone> milestones(CohortId cohort, LearnerId learner) {
    return jdbi.withHandle(
        h ->
            new HashSet<>(
                h.createQuery(
                        "select block_code, kind from tremplin_block_milestone"
                            + " where cohort_id = :cohort and learner_id = :learner")
                    .bind("cohort", cohort.value())
                    .bind("learner", learner.value())
                    .map(
                        (rs, ctx) ->
                            new Milestone(
                                rs.getString("block_code"),
                                BlockMilestoneKind.valueOf(rs.getString("kind"))))
                    .list()));
  }

  @Override
  public Map<LearnerId, Set<Milestone>> milestonesByLearner(CohortId cohort) {
    Map<LearnerId, Set<Milestone>> result = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select learner_id, block_code, kind from tremplin_block_milestone"
                        + " where cohort_id = :cohort")
                .bind("cohort", cohort.value())
                .map(
                    (rs, ctx) -> {
                      result
                          .computeIfAbsent(
                              new LearnerId(rs.getObject("learner_id", UUID.class)),
                              k -> new HashSet<>())
                          .add(
                              new Milestone(
                                  rs.getString("block_code"),
                                  BlockMilestoneKind.valueOf(rs.getString("kind"))));
                      return 0;
                    })
                .list());
    return result;
  }

  private static Evidence evidence(ResultSet rs) throws SQLException {
    String criterion = rs.getString("criterion");
    String competency = rs.getString("competency");
    EvidenceTarget target =
        criterion.isEmpty()
            ? new EvidenceTarget.OnCompetency(competency)
            : new EvidenceTarget.OnCriterion(competency, criterion);
    return new Evidence(
        new EvidenceId(rs.getObject("id", UUID.class)),
        new CohortId(rs.getObject("cohort_id", UUID.class)),
        new LearnerId(rs.getObject("learner_id", UUID.class)),
        target,
        EvidenceSource.valueOf(rs.getString("source")),
        AssessmentResult.valueOf(rs.getString("result")),
        rs.getString("assessor"),
        rs.getObject("assessed_on", LocalDate.class),
        rs.getString("comment"),
        Database.instant(rs, "recorded_at"));
  }
}

package org.tremplin.core.insertion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.exit.ExitClassification;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.Exit;
import org.tremplin.api.insertion.FollowUp;
import org.tremplin.core.internal.Database;

/** {@link Exits} on JDBC (exit and follow-up tables of migration V4). Thread-safe. */
public final class JdbiExits implements Exits {
  private static final String EXIT_COLUMNS =
      "cohort_id, learner_id, version, left_on, situation, contract_months, category,"
          + " dynamic_exit, rules_version, reason, recorded_by, recorded_at";

  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiExits(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void append(Exit e) {
    ExitClassification c = e.classification();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_exit ("
                        + EXIT_COLUMNS
                        + ") values (:cohort, :l, :v, :left, :situation, :months, :category,"
                        + " :dynamic, :rules, :reason, :by, :at)")
                .bind("cohort", e.cohort().value())
                .bind("l", e.learner().value())
                .bind("v", e.version())
                .bind("left", e.leftOn())
                .bind("situation", c.situation().name())
                .bind("months", e.contractMonths())
                .bind("category", c.category().name())
                .bind("dynamic", c.dynamic())
                .bind("rules", c.rulesVersion())
                .bind("reason", e.correctionReason())
                .bind("by", e.recordedBy())
                .bind("at", Database.timestamp(e.recordedAt()))
                .execute());
  }

  @Override
  public List<Exit> history(CohortId cohort, LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + EXIT_COLUMNS
                        + " from tremplin_exit where cohort_id = :cohort and learner_id = :l"
                        + " order by version")
                .bind("cohort", cohort.value())
                .bind("l", learner.value())
                .map((rs, ctx) -> exit(rs))
                .list());
  }

  @Override
  public List<Exit> current(CohortId cohort) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + EXIT_COLUMNS
                        + " from tremplin_exit e where e.cohort_id = :cohort and not exists"
                        + " (select 1 from tremplin_exit n where n.cohort_id = e.cohort_id and"
                        + " n.learner_id = e.learner_id and n.version > e.version)"
                        + " order by e.left_on, e.learner_id")
                .bind("cohort", cohort.value())
                .map((rs, ctx) -> exit(rs))
                .list());
  }

  private static Exit exit(ResultSet rs) throws SQLException {
    LocalDate left = rs.getObject("left_on", LocalDate.class);
    return new Exit(
        new CohortId(rs.getObject("cohort_id", UUID.class)),
        new LearnerId(rs.getObject("learner_id", UUID.class)),
        rs.getInt("version"),
        left,
        rs.getInt("contract_months"),
        classification(rs),
        rs.getString("reason"),
        rs.getString("recorded_by"),
        Database.instant(rs, "recorded_at"),
        left.plusMonths(ExitLedger.FOLLOW_UP_MONTHS));
  }

  private static ExitClassification classification(ResultSet rs) throws SQLException {
    return new ExitClassification(
        ExitSituation.valueOf(rs.getString("situation")),
        ExitCategory.valueOf(rs.getString("category")),
        rs.getBoolean("dynamic_exit"),
        rs.getString("rules_version"));
  }

  @Override
  public void insertFollowUp(FollowUp f) {
    ExitClassification c = f.classification();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_exit_follow_up (cohort_id, learner_id, observed_on,"
                        + " situation, contract_months, category, dynamic_exit, rules_version,"
                        + " recorded_by, recorded_at) values (:cohort, :l, :on, :situation,"
                        + " :months, :category, :dynamic, :rules, :by, :at)")
                .bind("cohort", f.cohort().value())
                .bind("l", f.learner().value())
                .bind("on", f.observedOn())
                .bind("situation", c.situation().name())
                .bind("months", f.contractMonths())
                .bind("category", c.category().name())
                .bind("dynamic", c.dynamic())
                .bind("rules", c.rulesVersion())
                .bind("by", f.recordedBy())
                .bind("at", Database.timestamp(f.recordedAt()))
                .execute());
  }

  @Override
  public Optional<FollowUp> followUp(CohortId cohort, LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select observed_on, situation, contract_months, category, dynamic_exit,"
                        + " rules_version, recorded_by, recorded_at from tremplin_exit_follow_up"
                        + " where cohort_id = :cohort and learner_id = :l")
                .bind("cohort", cohort.value())
                .bind("l", learner.value())
                .map(
                    (rs, ctx) ->
                        new FollowUp(
                            cohort,
                            learner,
                            rs.getObject("observed_on", LocalDate.class),
                            rs.getInt("contract_months"),
                            classification(rs),
                            rs.getString("recorded_by"),
                            Database.instant(rs, "recorded_at")))
                .findOne());
  }

  @Override
  public List<LearnerId> followedUp(CohortId cohort) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select learner_id from tremplin_exit_follow_up where cohort_id = :cohort")
                .bind("cohort", cohort.value())
                .map((rs, ctx) -> new LearnerId(rs.getObject("learner_id", UUID.class)))
                .list());
  }
}

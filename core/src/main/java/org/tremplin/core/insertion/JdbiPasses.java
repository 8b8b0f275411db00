package org.tremplin.core.insertion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.LearnerId;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.Suspension;
import org.tremplin.core.internal.Database;

/** {@link Passes} on JDBC (PASS IAE tables of migration V4). Thread-safe. */
public final class JdbiPasses implements Passes {
  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiPasses(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(LearnerId learner, PassIae pass, String by, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_pass_iae (learner_id, pass_number, starts_on,"
                        + " recorded_by, recorded_at) values (:l, :number, :start, :by, :at)")
                .bind("l", learner.value())
                .bind("number", pass.number())
                .bind("start", pass.start())
                .bind("by", by)
                .bind("at", Database.timestamp(at))
                .execute());
    int seq = 0;
    for (Suspension s : pass.suspensions()) {
      appendSuspension(learner, ++seq, s, by, at);
    }
    seq = 0;
    for (PassProlongation p : pass.prolongations()) {
      appendProlongation(learner, ++seq, p, by, at);
    }
  }

  @Override
  public void appendSuspension(
      LearnerId learner, int seq, Suspension suspension, String by, Instant at) {
    jdbi.useHandle(
        h ->
            SuspensionRows.append(
                h, learner, SuspensionRows.Subject.PASS, seq, suspension, by, at));
  }

  @Override
  public void appendProlongation(
      LearnerId learner, int seq, PassProlongation p, String by, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_pass_prolongation (learner_id, seq, days_added, reason,"
                        + " recorded_by, recorded_at) values (:l, :seq, :days, :reason, :by,"
                        + " :at)")
                .bind("l", learner.value())
                .bind("seq", seq)
                .bind("days", p.days())
                .bind("reason", p.reason())
                .bind("by", by)
                .bind("at", Database.timestamp(at))
                .execute());
  }

  @Override
  public Optional<PassIae> find(LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select pass_number, starts_on from tremplin_pass_iae where learner_id = :l")
                .bind("l", learner.value())
                .map(
                    (rs, ctx) ->
                        new PassIae(
                            rs.getString("pass_number"),
                            rs.getObject("starts_on", LocalDate.class),
                            SuspensionRows.of(h, learner, SuspensionRows.Subject.PASS),
                            h.createQuery(
                                    "select days_added, reason from tremplin_pass_prolongation"
                                        + " where learner_id = :l order by seq")
                                .bind("l", learner.value())
                                .map(
                                    (r2, c2) ->
                                        new PassProlongation(
                                            r2.getInt("days_added"), r2.getString("reason")))
                                .list()))
                .findOne());
  }

  @Override
  public Map<LearnerId, PassIae> findAll(Collection<LearnerId> learners) {
    if (learners.isEmpty()) {
      return Map.of();
    }
    List<UUID> ids = learners.stream().map(LearnerId::value).distinct().toList();
    return jdbi.withHandle(
        h -> {
          Map<LearnerId, List<PassProlongation>> prolongations = new HashMap<>();
          h.createQuery(
                  "select learner_id, days_added, reason from tremplin_pass_prolongation"
                      + " where learner_id in (<ids>) order by learner_id, seq")
              .bindList("ids", ids)
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          new LearnerId(rs.getObject("learner_id", UUID.class)),
                          new PassProlongation(rs.getInt("days_added"), rs.getString("reason"))))
              .forEach(
                  e ->
                      prolongations
                          .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                          .add(e.getValue()));
          Map<LearnerId, List<Suspension>> suspensions =
              SuspensionRows.ofAll(h, ids, SuspensionRows.Subject.PASS);
          Map<LearnerId, PassIae> all = new HashMap<>();
          h.createQuery(
                  "select learner_id, pass_number, starts_on from tremplin_pass_iae"
                      + " where learner_id in (<ids>)")
              .bindList("ids", ids)
              .map(
                  (rs, ctx) -> {
                    LearnerId learner = new LearnerId(rs.getObject("learner_id", UUID.class));
                    return Map.entry(
                        learner,
                        new PassIae(
                            rs.getString("pass_number"),
                            rs.getObject("starts_on", LocalDate.class),
                            suspensions.getOrDefault(learner, List.of()),
                            prolongations.getOrDefault(learner, List.of())));
                  })
              .forEach(e -> all.put(e.getKey(), e.getValue()));
          return all;
        });
  }
}

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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.LearnerId;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.core.internal.Database;

/** {@link Contracts} on JDBC (contract tables of migration V4). Thread-safe. */
public final class JdbiContracts implements Contracts {
  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiContracts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(LearnerId learner, InsertionContract contract, String by, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_insertion_contract (learner_id, structure_kind,"
                        + " starts_on, initial_end, weekly_hours, extension_reason, recorded_by,"
                        + " recorded_at) values (:l, :kind, :start, :end, :hours, :reason, :by,"
                        + " :at)")
                .bind("l", learner.value())
                .bind("kind", contract.structure().name())
                .bind("start", contract.start())
                .bind("end", contract.initialEnd())
                .bind("hours", contract.weeklyHours())
                .bind("reason", contract.extensionReason())
                .bind("by", by)
                .bind("at", Database.timestamp(at))
                .execute());
    int seq = 0;
    for (ContractAmendment r : contract.renewals()) {
      appendRenewal(learner, ++seq, r, by, at);
    }
    seq = 0;
    for (Suspension s : contract.suspensions()) {
      appendSuspension(learner, ++seq, s, by, at);
    }
  }

  @Override
  public void appendRenewal(
      LearnerId learner, int seq, ContractAmendment renewal, String by, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_contract_renewal (learner_id, seq, signed_on, new_end,"
                        + " weekly_hours, recorded_by, recorded_at) values (:l, :seq, :signed,"
                        + " :end, :hours, :by, :at)")
                .bind("l", learner.value())
                .bind("seq", seq)
                .bind("signed", renewal.signedOn())
                .bind("end", renewal.newEnd())
                .bind("hours", renewal.weeklyHours())
                .bind("by", by)
                .bind("at", Database.timestamp(at))
                .execute());
  }

  @Override
  public void appendSuspension(
      LearnerId learner, int seq, Suspension suspension, String by, Instant at) {
    jdbi.useHandle(
        h ->
            SuspensionRows.append(
                h, learner, SuspensionRows.Subject.CONTRACT, seq, suspension, by, at));
  }

  @Override
  public Optional<InsertionContract> find(LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select structure_kind, starts_on, initial_end, weekly_hours,"
                        + " extension_reason from tremplin_insertion_contract where learner_id ="
                        + " :l")
                .bind("l", learner.value())
                .map(
                    (rs, ctx) ->
                        new InsertionContract(
                            StructureKind.valueOf(rs.getString("structure_kind")),
                            rs.getObject("starts_on", LocalDate.class),
                            rs.getObject("initial_end", LocalDate.class),
                            rs.getInt("weekly_hours"),
                            renewals(h, learner),
                            SuspensionRows.of(h, learner, SuspensionRows.Subject.CONTRACT),
                            rs.getString("extension_reason")))
                .findOne());
  }

  @Override
  public Map<LearnerId, InsertionContract> findAll(Collection<LearnerId> learners) {
    if (learners.isEmpty()) {
      return Map.of();
    }
    List<UUID> ids = learners.stream().map(LearnerId::value).distinct().toList();
    return jdbi.withHandle(
        h -> {
          Map<LearnerId, List<ContractAmendment>> renewals = new HashMap<>();
          h.createQuery(
                  "select learner_id, signed_on, new_end, weekly_hours from"
                      + " tremplin_contract_renewal where learner_id in (<ids>)"
                      + " order by learner_id, seq")
              .bindList("ids", ids)
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          new LearnerId(rs.getObject("learner_id", UUID.class)),
                          new ContractAmendment(
                              rs.getObject("signed_on", LocalDate.class),
                              rs.getObject("new_end", LocalDate.class),
                              rs.getInt("weekly_hours"))))
              .forEach(
                  e ->
                      renewals
                          .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                          .add(e.getValue()));
          Map<LearnerId, List<Suspension>> suspensions =
              SuspensionRows.ofAll(h, ids, SuspensionRows.Subject.CONTRACT);
          Map<LearnerId, InsertionContract> all = new HashMap<>();
          h.createQuery(
                  "select learner_id, structure_kind, starts_on, initial_end, weekly_hours,"
                      + " extension_reason from tremplin_insertion_contract where learner_id in"
                      + " (<ids>)")
              .bindList("ids", ids)
              .map(
                  (rs, ctx) -> {
                    LearnerId learner = new LearnerId(rs.getObject("learner_id", UUID.class));
                    return Map.entry(
                        learner,
                        new InsertionContract(
                            StructureKind.valueOf(rs.getString("structure_kind")),
                            rs.getObject("starts_on", LocalDate.class),
                            rs.getObject("initial_end", LocalDate.class),
                            rs.getInt("weekly_hours"),
                            renewals.getOrDefault(learner, List.of()),
                            suspensions.getOrDefault(learner, List.of()),
                            rs.getString("extension_reason")));
                  })
              .forEach(e -> all.put(e.getKey(), e.getValue()));
          return all;
        });
  }

  private static List<ContractAmendment> renewals(Handle h, LearnerId learner) {
    return h.createQuery(
            "select signed_on, new_end, weekly_hours from tremplin_contract_renewal where"
                + " learner_id = :l order by seq")
        .bind("l", learner.value())
        .map(
            (rs, ctx) ->
                new ContractAmendment(
                    rs.getObject("signed_on", LocalDate.class),
                    rs.getObject("new_end", LocalDate.class),
                    rs.getInt("weekly_hours")))
        .list();
  }
}

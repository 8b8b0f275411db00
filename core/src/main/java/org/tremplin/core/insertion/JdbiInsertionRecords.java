package org.tremplin.core.insertion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.eligibility.EligibilityDiagnosis;
import org.tremplin.api.eligibility.ProfileFact;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.eligibility.SupportingDocument;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.exit.ExitClassification;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.DiagnosisId;
import org.tremplin.api.insertion.EligibilityProfile;
import org.tremplin.api.insertion.Exit;
import org.tremplin.api.insertion.FollowUp;
import org.tremplin.api.insertion.PriorityNeighbourhoodCheck;
import org.tremplin.api.learner.LearnerId;
import org.tremplin.core.internal.Database;

/** {@link InsertionRecords} on JDBC (tables of migration V4). Thread-safe. */
public final class JdbiInsertionRecords implements InsertionRecords {
  private static final String EXIT_COLUMNS =
      "cohort_id, learner_id, version, left_on, situation, contract_months, category,"
          + " dynamic_exit, rules_version, reason, recorded_by, recorded_at";

  private final Jdbi jdbi;

  /** A store on the migrated database. */
  public JdbiInsertionRecords(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  // --- profile ---------------------------------------------------------------------------------

  @Override
  public int profileVersions(LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select count(*) from tremplin_eligibility_profile where learner_id = :l")
                .bind("l", learner.value())
                .mapTo(Integer.class)
                .one());
  }

  @Override
  public void appendProfile(
      LearnerId learner, int version, EligibilityProfile profile, String by, Instant at) {
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  "insert into tremplin_eligibility_profile (learner_id, version, recorded_by,"
                      + " recorded_at) values (:l, :v, :by, :at)")
              .bind("l", learner.value())
              .bind("v", version)
              .bind("by", by)
              .bind("at", Database.timestamp(at))
              .execute();
          int seq = 0;
          for (ProfileFact f : profile.facts()) {
            Update u = factInsert(h, learner, version, ++seq);
            if (f instanceof ProfileFact.BirthDate b) {
              fact(u, "BIRTH_DATE", b.date(), null, null, null);
            } else if (f instanceof ProfileFact.EducationLevel e) {
              fact(u, "EDUCATION_LEVEL", null, e.level(), null, null);
            } else if (f instanceof ProfileFact.JobseekerSince j) {
              fact(u, "JOBSEEKER_SINCE", j.since(), null, null, null);
            } else if (f instanceof ProfileFact.Declared d) {
              fact(u, "DECLARED", null, null, d.criterion(), null);
            } else {
              throw new IllegalStateException("unexpected profile fact " + f);
            }
          }
          for (PriorityNeighbourhoodCheck c : profile.priorityNeighbourhoods()) {
            fact(
                factInsert(h, learner, version, ++seq),
                "QPV",
                c.checkedOn(),
                null,
                c.code(),
                c.geography());
          }
        });
  }

  private static Update factInsert(Handle h, LearnerId learner, int version, int seq) {
    return h.createUpdate(
            "insert into tremplin_profile_fact (learner_id, version, seq, kind, fact_date,"
                + " level_number, code, geography) values (:l, :v, :seq, :kind, :d, :n, :code,"
                + " :geo)")
        .bind("l", learner.value())
        .bind("v", version)
        .bind("seq", seq);
  }

  private static void fact(
      Update u,
      String kind,
      @Nullable LocalDate date,
      @Nullable Integer level,
      @Nullable String code,
      @Nullable String geography) {
    u.bind("kind", kind)
        .bindByType("d", date, LocalDate.class)
        .bindByType("n", level, Integer.class)
        .bindByType("code", code, String.class)
        .bindByType("geo", geography, String.class)
        .execute();
  }

  @Override
  public Optional<EligibilityProfile> profile(LearnerId learner) {
    return jdbi.withHandle(
        h -> {
          Optional<Integer> newest =
              h.createQuery(
                      "select max(version) from tremplin_eligibility_profile where learner_id ="
                          + " :l")
                  .bind("l", learner.value())
                  .mapTo(Integer.class)
                  .findOne();
          if (newest.isEmpty()) {
            return Optional.empty();
          }
          List<ProfileFact> facts = new ArrayList<>();
          List<PriorityNeighbourhoodCheck> checks = new ArrayList<>();
          h.createQuery(
                  "select kind, fact_date, level_number, code, geography from"
                      + " tremplin_profile_fact where learner_id = :l and version = :v order by"
                      + " seq")
              .bind("l", learner.value())
              .bind("v", newest.get())
              .map(
                  (rs, ctx) -> {
                    LocalDate d = rs.getObject("fact_date", LocalDate.class);
                    switch (rs.getString("kind")) {
                      case "BIRTH_DATE" -> facts.add(new ProfileFact.BirthDate(d));
                      case "EDUCATION_LEVEL" ->
                          facts.add(new ProfileFact.EducationLevel(rs.getInt("level_number")));
                      case "JOBSEEKER_SINCE" -> facts.add(new ProfileFact.JobseekerSince(d));
                      case "DECLARED" -> facts.add(new ProfileFact.Declared(rs.getString("code")));
                      case "QPV" ->
                          checks.add(
                              new PriorityNeighbourhoodCheck(
                                  rs.getString("code"), rs.getString("geography"), d));
                      default ->
                          throw new IllegalStateException(
                              "unknown profile fact kind " + rs.getString("kind"));
                    }
                    return 0;
                  })
              .list();
          return Optional.of(new EligibilityProfile(facts, checks));
        });
  }

  // --- diagnoses -------------------------------------------------------------------------------

  @Override
  public void insertDiagnosis(
      DiagnosisId id, LearnerId learner, EligibilityDiagnosis d, Instant at) {
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  "insert into tremplin_eligibility_diagnosis (id, learner_id, author,"
                      + " diagnosed_on, structure_kind, criteria, recorded_at) values (:id, :l,"
                      + " :author, :on, :kind, :criteria, :at)")
              .bind("id", id.value())
              .bind("l", learner.value())
              .bind("author", d.author())
              .bind("on", d.date())
              .bind("kind", d.structure().name())
              .bind("criteria", String.join(",", d.criteria()))
              .bind("at", Database.timestamp(at))
              .execute();
          int seq = 0;
          for (SupportingDocument p : d.proofs()) {
            h.createUpdate(
                    "insert into tremplin_diagnosis_proof (diagnosis_id, seq, criterion,"
                        + " issued_on) values (:id, :seq, :c, :on)")
                .bind("id", id.value())
                .bind("seq", ++seq)
                .bind("c", p.criterion())
                .bind("on", p.issuedOn())
                .execute();
          }
        });
  }

  @Override
  public List<StoredDiagnosis> diagnoses(LearnerId learner) {
    return jdbi.withHandle(
        h -> {
          record Row(
              UUID id,
              String author,
              LocalDate on,
              StructureKind kind,
              List<String> criteria,
              Instant at) {}
          List<Row> rows =
              h.createQuery(
                      "select id, author, diagnosed_on, structure_kind, criteria, recorded_at from"
                          + " tremplin_eligibility_diagnosis where learner_id = :l order by"
                          + " diagnosed_on, seq")
                  .bind("l", learner.value())
                  .map(
                      (rs, ctx) ->
                          new Row(
                              rs.getObject("id", UUID.class),
                              rs.getString("author"),
                              rs.getObject("diagnosed_on", LocalDate.class),
                              StructureKind.valueOf(rs.getString("structure_kind")),
                              codes(rs.getString("criteria")),
                              Database.instant(rs, "recorded_at")))
                  .list();
          List<StoredDiagnosis> result = new ArrayList<>();
          for (Row r : rows) {
            List<SupportingDocument> proofs =
                h.createQuery(
                        "select criterion, issued_on from tremplin_diagnosis_proof where"
                            + " diagnosis_id = :id order by seq")
                    .bind("id", r.id())
                    .map(
                        (rs, ctx) ->
                            new SupportingDocument(
                                rs.getString("criterion"),
                                rs.getObject("issued_on", LocalDate.class)))
                    .list();
            result.add(
                new StoredDiagnosis(
                    new DiagnosisId(r.id()),
                    new EligibilityDiagnosis(r.author(), r.on(), r.kind(), r.criteria(), proofs),
                    r.at()));
          }
          return result;
        });
  }

  private static List<String> codes(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  // --- contract and PASS -----------------------------------------------------------------------

  @Override
  public void insertContract(LearnerId learner, InsertionContract contract, String by, Instant at) {
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
      appendSuspension(learner, Subject.CONTRACT, ++seq, s, by, at);
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
      LearnerId learner, Subject subject, int seq, Suspension s, String by, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_suspension (learner_id, subject, seq, first_day,"
                        + " last_day, reason, recorded_by, recorded_at) values (:l, :subject,"
                        + " :seq, :first, :last, :reason, :by, :at)")
                .bind("l", learner.value())
                .bind("subject", subject.name())
                .bind("seq", seq)
                .bind("first", s.period().first())
                .bind("last", s.period().last())
                .bind("reason", s.reason())
                .bind("by", by)
                .bind("at", Database.timestamp(at))
                .execute());
  }

  @Override
  public Optional<InsertionContract> contract(LearnerId learner) {
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
                            suspensions(h, learner, Subject.CONTRACT),
                            rs.getString("extension_reason")))
                .findOne());
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

  private static List<Suspension> suspensions(Handle h, LearnerId learner, Subject subject) {
    return h.createQuery(
            "select first_day, last_day, reason from tremplin_suspension where learner_id = :l"
                + " and subject = :subject order by seq")
        .bind("l", learner.value())
        .bind("subject", subject.name())
        .map(
            (rs, ctx) ->
                new Suspension(
                    new DateRange(
                        rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class)),
                    rs.getString("reason")))
        .list();
  }

  @Override
  public void insertPass(LearnerId learner, PassIae pass, String by, Instant at) {
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
      appendSuspension(learner, Subject.PASS, ++seq, s, by, at);
    }
    seq = 0;
    for (PassProlongation p : pass.prolongations()) {
      appendProlongation(learner, ++seq, p, by, at);
    }
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
  public Optional<PassIae> pass(LearnerId learner) {
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
                            suspensions(h, learner, Subject.PASS),
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

  // --- exits -----------------------------------------------------------------------------------

  @Override
  public void appendExit(Exit e) {
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
  public List<Exit> exitHistory(CohortId cohort, LearnerId learner) {
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
  public List<Exit> currentExits(CohortId cohort) {
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
        left.plusMonths(InsertionPathLedger.FOLLOW_UP_MONTHS));
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

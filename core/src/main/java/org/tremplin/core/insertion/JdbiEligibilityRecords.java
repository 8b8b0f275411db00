package org.tremplin.core.insertion;

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
import org.tremplin.api.LearnerId;
import org.tremplin.api.eligibility.EligibilityDiagnosis;
import org.tremplin.api.eligibility.ProfileFact;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.eligibility.SupportingDocument;
import org.tremplin.api.insertion.DiagnosisId;
import org.tremplin.api.insertion.EligibilityProfile;
import org.tremplin.api.insertion.PriorityNeighbourhoodCheck;
import org.tremplin.core.internal.Database;

/**
 * {@link EligibilityRecords} on JDBC (profile and diagnosis tables of migration V4). Thread-safe.
 */
public final class JdbiEligibilityRecords implements EligibilityRecords {
  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the Jdbi on the migrated database
   */
  public JdbiEligibilityRecords(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

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
}

package org.tremplin.core.funder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.funder.CertificationOutcome;
import org.tremplin.api.funder.CertificationResult;
import org.tremplin.api.funder.DeclaredSex;
import org.tremplin.api.funder.DiplomaLevel;
import org.tremplin.api.funder.FunderFacts;
import org.tremplin.core.internal.Database;

/**
 * The funder facts of learners on JDBC (tables of migration V19): versions appended, the newest
 * read. Runs on the caller's handle when inside a transaction. Thread-safe.
 */
public final class JdbiFunderFacts {
  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the database
   */
  public JdbiFunderFacts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Appends a version of the learner's facts.
   *
   * @param learner the learner
   * @param f the facts
   * @param by the actor id
   * @param at when
   */
  public void append(LearnerId learner, FunderFacts f, String by, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_funder_facts (learner_id, version, declared_on, sex,"
                        + " birth_date, diploma_level, qpv_resident, neet_at_entry,"
                        + " jobseeker_registered, recorded_by, recorded_at) values (:l,"
                        + " (select coalesce(max(version), 0) + 1 from tremplin_funder_facts"
                        + " where learner_id = :l), :declared, :sex, :birth, :level, :qpv, :neet,"
                        + " :jobseeker, :by, :at)")
                .bind("l", learner.value())
                .bind("declared", f.declaredOn())
                .bind("sex", f.sex().name())
                .bind("birth", f.birthDate())
                .bind("level", f.diplomaLevel().level())
                .bind("qpv", f.qpvResident())
                .bind("neet", f.neetAtEntry())
                .bind("jobseeker", f.jobseekerRegistered())
                .bind("by", by)
                .bind("at", Database.timestamp(at))
                .execute());
  }

  /**
   * The newest version of the learner's facts.
   *
   * @param learner the learner
   * @return the facts; empty when none
   */
  public Optional<FunderFacts> newest(LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    FACTS_COLUMNS
                        + " from tremplin_funder_facts"
                        + " where learner_id = :l order by version desc limit 1")
                .bind("l", learner.value())
                .map((rs, ctx) -> facts(rs))
                .findFirst());
  }

  /**
   * The newest version of the facts of each learner who joined the cohort.
   *
   * @param cohort the cohort
   * @return the facts by learner; a learner without facts is absent
   */
  public Map<LearnerId, FunderFacts> newestOfCohort(CohortId cohort) {
    Map<LearnerId, FunderFacts> all = new java.util.HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    FACTS_COLUMNS
                        + ", f.learner_id from tremplin_funder_facts f"
                        + OF_COHORT.formatted("tremplin_funder_facts"))
                .bind("cohort", cohort.value())
                .map((rs, ctx) -> Map.entry(learner(rs), facts(rs)))
                .forEach(e -> all.put(e.getKey(), e.getValue())));
    return all;
  }

  private static final String FACTS_COLUMNS =
      "select declared_on, sex, birth_date, diploma_level, qpv_resident, neet_at_entry,"
          + " jobseeker_registered";

  /**
   * The rows {@code f} of a cohort's learners that are their newest version in table {@code %s}.
   */
  private static final String OF_COHORT =
      " where f.learner_id in (select e.learner_id from tremplin_enrolment_event e"
          + " where e.cohort_id = :cohort)"
          + " and f.version = (select max(n.version) from %s n where n.learner_id = f.learner_id)";

  private static FunderFacts facts(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new FunderFacts(
        rs.getObject("declared_on", LocalDate.class),
        DeclaredSex.valueOf(rs.getString("sex")),
        rs.getObject("birth_date", LocalDate.class),
        DiplomaLevel.of(rs.getInt("diploma_level")),
        rs.getBoolean("qpv_resident"),
        rs.getBoolean("neet_at_entry"),
        rs.getBoolean("jobseeker_registered"));
  }

  private static LearnerId learner(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new LearnerId(rs.getObject("learner_id", UUID.class));
  }

  /**
   * Appends a version of the learner's certification result.
   *
   * @param learner the learner
   * @param r the result
   * @param by the actor id
   * @param at when
   */
  public void appendCertification(LearnerId learner, CertificationResult r, String by, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_certification_result (learner_id, version, session_on,"
                        + " outcome, blocks, recorded_by, recorded_at) values (:l,"
                        + " (select coalesce(max(version), 0) + 1 from"
                        + " tremplin_certification_result where learner_id = :l), :session,"
                        + " :outcome, :blocks, :by, :at)")
                .bind("l", learner.value())
                .bind("session", r.sessionOn())
                .bind("outcome", r.outcome().name())
                .bind("blocks", String.join(",", r.blocksObtained()))
                .bind("by", by)
                .bind("at", Database.timestamp(at))
                .execute());
  }

  /**
   * The newest certification result of the learner.
   *
   * @param learner the learner
   * @return the result; empty when none
   */
  public Optional<CertificationResult> newestCertification(LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select session_on, outcome, blocks from tremplin_certification_result"
                        + " where learner_id = :l order by version desc limit 1")
                .bind("l", learner.value())
                .map((rs, ctx) -> certification(rs))
                .findFirst());
  }

  /**
   * The newest certification result of each learner who joined the cohort.
   *
   * @param cohort the cohort
   * @return the results by learner; a learner without one is absent
   */
  public Map<LearnerId, CertificationResult> newestCertificationsOfCohort(CohortId cohort) {
    Map<LearnerId, CertificationResult> all = new java.util.HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select f.learner_id, session_on, outcome, blocks"
                        + " from tremplin_certification_result f"
                        + OF_COHORT.formatted("tremplin_certification_result"))
                .bind("cohort", cohort.value())
                .map((rs, ctx) -> Map.entry(learner(rs), certification(rs)))
                .forEach(e -> all.put(e.getKey(), e.getValue())));
    return all;
  }

  private static CertificationResult certification(java.sql.ResultSet rs)
      throws java.sql.SQLException {
    return new CertificationResult(
        rs.getObject("session_on", LocalDate.class),
        CertificationOutcome.valueOf(rs.getString("outcome")),
        blocks(rs.getString("blocks")));
  }

  /**
   * Marks or unmarks a test account.
   *
   * @param learner the learner
   * @param test true to mark, false to unmark
   * @param by the actor id
   * @param at when
   * @return whether anything changed
   */
  public boolean markTestAccount(LearnerId learner, boolean test, String by, Instant at) {
    return jdbi.withHandle(
        h -> {
          if (!test) {
            return h.createUpdate("delete from tremplin_test_account where learner_id = :l")
                    .bind("l", learner.value())
                    .execute()
                > 0;
          }
          if (isTestAccount(learner)) {
            return false;
          }
          return h.createUpdate(
                      "insert into tremplin_test_account (learner_id, marked_by, marked_at)"
                          + " values (:l, :by, :at)")
                  .bind("l", learner.value())
                  .bind("by", by)
                  .bind("at", Database.timestamp(at))
                  .execute()
              > 0;
        });
  }

  /**
   * Whether the learner is marked as a test account.
   *
   * @param learner the learner
   * @return true when marked
   */
  public boolean isTestAccount(LearnerId learner) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select count(*) from tremplin_test_account where learner_id = :l")
                    .bind("l", learner.value())
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  private static List<String> blocks(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}

package org.tremplin.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class SyntheticDatasetIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneId.of("Europe/Paris"));
  private static final Actor ADMIN = Actor.of("admin-1", Role.ADMIN, new Scope.Network());

  /** The tables whose checksums are compared. */
  private static final List<String> TABLES =
      List.of(
          "tremplin_school",
          "tremplin_cohort",
          "tremplin_cohort_closure",
          "tremplin_learner",
          "tremplin_enrolment_event",
          "tremplin_attendance",
          "tremplin_evidence",
          "tremplin_coaching_meeting",
          "tremplin_barrier_status",
          "tremplin_exit",
          "tremplin_exit_follow_up",
          "tremplin_funder_facts",
          "tremplin_certification_result",
          "tremplin_test_account");

  private static final DatasetShape SMALL = new DatasetShape(List.of("57", "93"), 1, 30);

  private record Generated(DataSource database, Tremplin tremplin, DatasetSummary summary) {}

  private static Generated generate(TestDatabase db, DatasetShape shape, long seed) {
    DataSource database = db.fresh();
    Tremplin tremplin = Tremplin.create(database, CLOCK);
    DatasetSummary summary =
        SyntheticDataset.on(tremplin).generate(shape, seed, DatasetProgress.NONE);
    return new Generated(database, tremplin, summary);
  }

  private static Map<String, String> checksums(DataSource database) {
    Map<String, String> sums = new LinkedHashMap<>();
    TABLES.forEach(t -> sums.put(t, TableChecksum.of(database, t)));
    return sums;
  }

  @Test
  void theDemoSizeFromTheSameSeedWritesTheSameRowsTwice() {
    Generated first = generate(TestDatabase.H2, DatasetShape.of(DatasetSize.DEMO), 42);
    Generated second = generate(TestDatabase.H2, DatasetShape.of(DatasetSize.DEMO), 42);

    assertThat(second.summary()).isEqualTo(first.summary());
    assertThat(first.summary().schools()).isEqualTo(1);
    assertThat(first.summary().cohorts()).isEqualTo(2);
    assertThat(first.summary().learners()).isEqualTo(24);
    assertThat(first.summary().testAccounts()).isEqualTo(1);
    assertThat(first.summary().attendanceMarks()).isGreaterThan(8_000);
    assertThat(checksums(second.database())).isEqualTo(checksums(first.database()));
  }

  @Test
  void anotherSeedWritesOtherRows() {
    Generated first = generate(TestDatabase.H2, SMALL, 1);
    Generated other = generate(TestDatabase.H2, SMALL, 2);

    assertThat(TableChecksum.of(other.database(), "tremplin_attendance"))
        .isNotEqualTo(TableChecksum.of(first.database(), "tremplin_attendance"));
    assertThat(TableChecksum.of(other.database(), "tremplin_learner"))
        .isNotEqualTo(TableChecksum.of(first.database(), "tremplin_learner"));
  }

  @Test
  void postgresWithCopyWritesExactlyWhatH2WritesWithBatches() {
    Generated h2 = generate(TestDatabase.H2, SMALL, 7);
    Generated postgres = generate(TestDatabase.POSTGRES, SMALL, 7);

    assertThat(postgres.summary()).isEqualTo(h2.summary());
    assertThat(checksums(postgres.database())).isEqualTo(checksums(h2.database()));
  }

  @AllDatabases
  void theSameSeedTwiceInOneDatabaseIsRefusedAndWritesNothing(TestDatabase db) {
    Generated g = generate(db, SMALL, 3);
    long before = rows(g.database(), "tremplin_attendance");

    assertThatThrownBy(
            () -> SyntheticDataset.on(g.tremplin()).generate(SMALL, 3, DatasetProgress.NONE))
        .isInstanceOf(TremplinException.class)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(rows(g.database(), "tremplin_attendance")).isEqualTo(before);
    assertThat(rows(g.database(), "tremplin_school")).isEqualTo(2);
  }

  @AllDatabases
  void theGeneratedDataKeepsTheDomainInvariants(TestDatabase db) {
    Generated g = generate(db, SMALL, 11);
    Jdbi jdbi = Jdbi.create(g.database());

    // Every cohort replaced its early leavers: 30 learners over the year, never more than 24 at
    // once.
    assertThat(g.summary().learners()).isEqualTo(60);
    assertThat(
            count(
                jdbi,
                "select count(*) from tremplin_enrolment_event j where j.kind = 'JOINED' and"
                    + " (select count(*) from tremplin_enrolment_event o where o.cohort_id ="
                    + " j.cohort_id and o.kind = 'JOINED' and o.event_date <= j.event_date and not"
                    + " exists (select 1 from tremplin_enrolment_event x where x.cohort_id ="
                    + " o.cohort_id and x.learner_id = o.learner_id and x.kind = 'LEFT' and"
                    + " x.event_date <= j.event_date)) > 24"))
        .isZero();
    // No attendance on a weekend, public holiday or closure (57 has Good Friday), nor outside the
    // learner's own days in the cohort.
    List<Map<String, Object>> days =
        jdbi.withHandle(
            h ->
                h.createQuery("select distinct cohort_id, half_day_date from tremplin_attendance")
                    .mapToMap()
                    .list());
    Map<UUID, CohortCalendar> calendars = new LinkedHashMap<>();
    for (Map<String, Object> row : days) {
      UUID cohort = (UUID) row.get("cohort_id");
      CohortCalendar calendar =
          calendars.computeIfAbsent(
              cohort, c -> g.tremplin().cohorts().calendar(ADMIN, new CohortId(c)));
      LocalDate day = toDate(row.get("half_day_date"));
      assertThat(calendar.isWorkingDay(day)).as("%s in %s", day, cohort).isTrue();
    }
    assertThat(days).isNotEmpty();
    assertThat(
            count(
                jdbi,
                "select count(*) from tremplin_attendance a where a.half_day_date < (select"
                    + " j.event_date from tremplin_enrolment_event j where j.cohort_id ="
                    + " a.cohort_id and j.learner_id = a.learner_id and j.kind = 'JOINED') or"
                    + " a.half_day_date > coalesce((select x.left_on from tremplin_exit x where"
                    + " x.cohort_id = a.cohort_id and x.learner_id = a.learner_id), date"
                    + " '2100-01-01')"))
        .isZero();
    // Nor on or after the day a learner left (LEFT is their first day no longer enrolled): the
    // engine refuses such marks, and the dashboard's per-month counts are exact only without them.
    assertThat(
            count(
                jdbi,
                "select count(*) from tremplin_attendance a where exists (select 1 from"
                    + " tremplin_enrolment_event x where x.cohort_id = a.cohort_id and"
                    + " x.learner_id = a.learner_id and x.kind = 'LEFT' and x.event_date <="
                    + " a.half_day_date)"))
        .isZero();
    // Who finishes has no LEFT (enrolled to the cohort's last day); who leaves early has one.
    assertThat(
            count(
                jdbi,
                "select count(*) from tremplin_enrolment_event x join tremplin_cohort c on c.id ="
                    + " x.cohort_id where x.kind = 'LEFT' and x.event_date > c.last_day"))
        .isZero();
    assertThat(count(jdbi, "select count(*) from tremplin_enrolment_event where kind = 'LEFT'"))
        .isPositive()
        .isLessThan(g.summary().learners() / 2);
    // Exits after entry, one per learner who is not a test account; classified by the exit rules.
    assertThat(
            count(
                jdbi,
                "select count(*) from tremplin_exit x join tremplin_enrolment_event j on"
                    + " j.cohort_id = x.cohort_id and j.learner_id = x.learner_id and j.kind ="
                    + " 'JOINED' where x.left_on < j.event_date"))
        .isZero();
    assertThat(count(jdbi, "select count(*) from tremplin_exit"))
        .isEqualTo(g.summary().learners() - g.summary().testAccounts());
    jdbi.useHandle(
        h ->
            h.createQuery("select situation, contract_months, category from tremplin_exit")
                .mapToMap()
                .forEach(
                    x -> {
                      ExitSituation s = ExitSituation.valueOf((String) x.get("situation"));
                      int months = ((Number) x.get("contract_months")).intValue();
                      var c =
                          months > 0
                              ? g.tremplin().exits().classify(s, months)
                              : g.tremplin().exits().classify(s);
                      assertThat(x.get("category")).isEqualTo(c.category().name());
                    }));
    // One referent per learner, funder facts and a contract for every learner but test accounts.
    assertThat(
            count(
                jdbi,
                "select count(*) from tremplin_learner l where (select count(*) from"
                    + " tremplin_referent r where r.learner_id = l.id) <> 1"))
        .isZero();
    assertThat(count(jdbi, "select count(*) from tremplin_funder_facts"))
        .isEqualTo(g.summary().learners() - g.summary().testAccounts());
    assertThat(
            count(
                jdbi,
                "select count(*) from tremplin_test_account t where exists (select 1 from"
                    + " tremplin_funder_facts f where f.learner_id = t.learner_id)"))
        .isZero();
    // Follow-ups exactly six months after the exit; meetings and evidence inside the path.
    assertThat(
            count(
                jdbi,
                "select count(*) from tremplin_exit_follow_up f join tremplin_exit x on"
                    + " x.cohort_id = f.cohort_id and x.learner_id = f.learner_id"
                    + " where f.observed_on <> x.left_on + interval '6' month"))
        .isZero();
    assertThat(
            count(
                jdbi,
                "select count(*) from tremplin_evidence e join tremplin_exit x on x.cohort_id ="
                    + " e.cohort_id and x.learner_id = e.learner_id where e.assessed_on >"
                    + " x.left_on"))
        .isZero();
    assertThat(g.summary().meetings()).isGreaterThan(400);
    assertThat(count(jdbi, "select count(*) from tremplin_coaching_meeting"))
        .isEqualTo(g.summary().meetings());
  }

  @AllDatabases
  void evidenceRecordedAfterwardsSortsAfterTheGeneratedEvidence(TestDatabase db) {
    Generated g = generate(db, SMALL, 13);
    Jdbi jdbi = Jdbi.create(g.database());
    long generated = count(jdbi, "select max(seq) from tremplin_evidence");
    assertThat(count(jdbi, "select count(distinct seq) from tremplin_evidence"))
        .isEqualTo(g.summary().evidence())
        .isEqualTo(generated);

    jdbi.useHandle(
        h ->
            h.execute(
                "insert into tremplin_evidence (id, cohort_id, learner_id, competency, criterion,"
                    + " source, result, assessor, assessed_on, comment, recorded_at) select ?,"
                    + " cohort_id, learner_id, competency, criterion, source, result, assessor,"
                    + " assessed_on, comment, recorded_at from tremplin_evidence where seq = 1",
                UUID.fromString("00000000-0000-4000-8000-000000000001")));

    assertThat(
            count(
                jdbi,
                "select seq from tremplin_evidence where id ="
                    + " '00000000-0000-4000-8000-000000000001'"))
        .isEqualTo(generated + 1);
  }

  @Test
  void theDistributionsArePlausible() {
    Generated g = generate(TestDatabase.H2, new DatasetShape(List.of("75", "93", "94"), 2, 30), 5);
    Jdbi jdbi = Jdbi.create(g.database());
    double women =
        ratio(
            jdbi,
            "select count(*) from tremplin_funder_facts where sex = 'FEMALE'",
            "select count(*) from tremplin_funder_facts");
    double absent =
        ratio(
            jdbi,
            "select count(*) from tremplin_attendance where version = 1 and mark in"
                + " ('ABSENT_JUSTIFIED', 'ABSENT_UNJUSTIFIED', 'SICK_LEAVE', 'PAID_LEAVE')",
            "select count(*) from tremplin_attendance where version = 1");
    double dynamic =
        ratio(
            jdbi,
            "select count(*) from tremplin_exit where dynamic_exit",
            "select count(*) from tremplin_exit where category <> 'NEUTRALISEE'");
    double qpv =
        ratio(
            jdbi,
            "select count(*) from tremplin_funder_facts where qpv_resident",
            "select count(*) from tremplin_funder_facts");

    assertThat(women).isBetween(0.22, 0.42);
    assertThat(absent).isBetween(0.04, 0.16);
    assertThat(dynamic).isBetween(0.45, 0.70);
    assertThat(qpv).isBetween(0.28, 0.48);
  }

  private static double ratio(Jdbi jdbi, String part, String whole) {
    return (double) count(jdbi, part) / count(jdbi, whole);
  }

  private static long count(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static long rows(DataSource database, String table) {
    return count(Jdbi.create(database), "select count(*) from " + table);
  }

  private static LocalDate toDate(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }
}

package org.tremplin.lti.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.api.privacy.AuditEntry;
import org.tremplin.api.privacy.ErasureReport;
import org.tremplin.api.privacy.PrivacyService;
import org.tremplin.api.privacy.RetentionPolicy;
import org.tremplin.api.privacy.RetentionReport;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;
import org.tremplin.web.TremplinFeature;
import org.tremplin.web.config.TremplinConfig;

/**
 * The retention rule applied by the nodes themselves (ADR 0025), on H2 and PostgreSQL: coaching
 * notes go two years after the exit, once, audited, whatever the number of rounds.
 */
class RetentionRoundIT {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Instant SEEDED = Instant.parse("2026-01-09T16:00:00Z");
  private static final LocalDate LEFT_ON = LocalDate.of(2025, 11, 14);
  private static final Actor ADMIN = Actor.of("admin-1", Role.ADMIN, new Scope.Network());

  private final MutableClock clock = new MutableClock(SEEDED, PARIS);

  /** A school whose first learner left on {@link #LEFT_ON}; both have a confidential note. */
  private record Seeded(
      Tremplin tremplin, SchoolId school, Actor manager, List<LearnerId> learners) {
    String export(int n) {
      return tremplin.privacy().export(manager, learners.get(n));
    }

    List<AuditEntry> trail(int n) {
      return tremplin.privacy().auditTrail(manager, learners.get(n));
    }
  }

  private Seeded seed(Tremplin tremplin, String name) {
    School school = tremplin.schools().create(ADMIN, name, Departement.of("93"));
    Actor manager = Actor.of("manager-" + name, Role.MANAGER, new Scope.OfSchool(school.id()));
    Actor coach = Actor.of("coach-" + name, Role.COACH, new Scope.OfSchool(school.id()));
    Cohort cohort =
        tremplin
            .cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo " + name,
                    new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                    tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref(),
                    12,
                    List.of()));
    List<LearnerId> learners = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      LearnerId l = tremplin.learners().register(coach, school.id(), "Prénom" + i, name).id();
      tremplin.learners().join(coach, cohort.id(), l, LocalDate.of(2025, 9, 1));
      tremplin.referents().assign(manager, l, coach.id(), LocalDate.of(2025, 9, 1));
      var meeting =
          tremplin
              .coaching()
              .planMeeting(coach, cohort.id(), l, LocalDateTime.of(2025, 10, 6, 10, 0), "");
      tremplin
          .coaching()
          .recordOutcome(
              coach,
              cohort.id(),
              l,
              meeting.id(),
              new MeetingOutcome.Held("dettes", "secret-" + name + i));
      learners.add(l);
    }
    tremplin
        .insertion()
        .recordExit(coach, cohort.id(), learners.get(0), NewExit.of(LEFT_ON, ExitSituation.CDI));
    return new Seeded(tremplin, school.id(), manager, learners);
  }

  private static List<AuditEntry> retentionLines(List<AuditEntry> trail) {
    return trail.stream()
        .filter(e -> e.actor().equals(RetentionRound.ACTOR_ID))
        .filter(e -> e.action() == AuditAction.ERASE)
        .toList();
  }

  private void today(LocalDate day) {
    clock.set(day.atTime(0, 30).atZone(PARIS).toInstant());
  }

  @AllDatabases
  void notesGoOnTheDayTwoYearsAfterTheExitOnceAndAudited(TestDatabase db) {
    Seeded s = seed(Tremplin.create(db.fresh(), clock), "Bondy");
    RetentionRound round =
        new RetentionRound(
            s.tremplin().schools(), s.tremplin().privacy(), new RetentionPolicy(2), clock);

    today(LEFT_ON.plusYears(2).minusDays(1));
    int dayBefore = round.runIfDue();
    today(LEFT_ON.plusYears(2));
    int dayOf = round.runIfDue();
    int sameDayAgain = round.runIfDue();

    assertThat(dayBefore).isZero();
    assertThat(dayOf).isEqualTo(1);
    assertThat(sameDayAgain).isZero();
    assertThat(s.export(0)).doesNotContain("secret-Bondy0", "dettes");
    assertThat(s.export(1)).contains("secret-Bondy1");
    assertThat(retentionLines(s.trail(0))).hasSize(1);
    assertThat(retentionLines(s.trail(1))).isEmpty();

    today(LEFT_ON.plusYears(2).plusDays(1));
    assertThat(round.runIfDue()).isZero();
    assertThat(retentionLines(s.trail(0))).hasSize(1);
  }

  @AllDatabases
  void aSchoolThatFailsDoesNotStopTheOthersAndIsTriedAgainTheSameDay(TestDatabase db) {
    Tremplin tremplin = Tremplin.create(db.fresh(), clock);
    Seeded first = seed(tremplin, "Aubervilliers");
    Seeded second = seed(tremplin, "Bobigny");
    FailingOnce privacy = new FailingOnce(tremplin.privacy(), first.school());
    RetentionRound round =
        new RetentionRound(tremplin.schools(), privacy, new RetentionPolicy(2), clock);
    today(LEFT_ON.plusYears(3));

    assertThatThrownBy(round::runIfDue).hasMessageContaining("lock timeout");
    assertThat(second.export(0)).doesNotContain("secret-Bobigny0");
    assertThat(first.export(0)).contains("secret-Aubervilliers0");

    assertThat(round.runIfDue()).isEqualTo(1);
    assertThat(first.export(0)).doesNotContain("secret-Aubervilliers0");
    assertThat(retentionLines(second.trail(0))).hasSize(1);
  }

  @AllDatabases
  void theFeaturesHousekeepingAppliesTheConfiguredRuleUnlessTurnedOff(TestDatabase db) {
    Seeded kept = seed(Tremplin.create(db.fresh(), clock), "Pantin");
    Seeded purged = seed(Tremplin.create(db.fresh(), clock), "Montreuil");
    TremplinConfig config =
        new TremplinConfig(
            URI.create("http://localhost:8080/"),
            new TremplinConfig.HttpConfig("127.0.0.1", 8080),
            List.of(),
            TremplinConfig.DEFAULT_CLOCK_SKEW,
            new TremplinConfig.DataSourceConfig("jdbc:h2:mem:unused", "", ""));
    today(LEFT_ON.plusYears(3));

    var off =
        new TremplinFeature(
                config.withPrivacy(new TremplinConfig.PrivacyConfig(false, new RetentionPolicy(2))),
                kept.tremplin())
            .housekeeping()
            .runOnce();
    var on = new TremplinFeature(config, purged.tremplin()).housekeeping().runOnce();

    assertThat(off).doesNotContainKey(TremplinFeature.RETENTION_TASK);
    assertThat(kept.export(0)).contains("secret-Pantin0");
    assertThat(on).containsEntry(TremplinFeature.RETENTION_TASK, 1);
    assertThat(purged.export(0)).doesNotContain("secret-Montreuil0");
    assertThat(config.privacy().retention())
        .isEqualTo(purged.tremplin().privacy().defaultRetention());
  }

  /** The privacy office, failing the first retention of one school as a lock timeout would. */
  private static final class FailingOnce implements PrivacyService {
    private final PrivacyService office;
    private final SchoolId failing;
    private boolean failed;

    FailingOnce(PrivacyService office, SchoolId failing) {
      this.office = office;
      this.failing = failing;
    }

    @Override
    public RetentionReport applyRetention(
        Actor actor, SchoolId school, LocalDate on, RetentionPolicy policy) {
      if (school.equals(failing) && !failed) {
        failed = true;
        throw new IllegalStateException("lock timeout");
      }
      return office.applyRetention(actor, school, on, policy);
    }

    @Override
    public List<AuditEntry> auditTrail(Actor actor, LearnerId learner) {
      return office.auditTrail(actor, learner);
    }

    @Override
    public String export(Actor actor, LearnerId learner) {
      return office.export(actor, learner);
    }

    @Override
    public ErasureReport erase(Actor actor, LearnerId learner) {
      return office.erase(actor, learner);
    }

    @Override
    public RetentionPolicy defaultRetention() {
      return office.defaultRetention();
    }
  }
}

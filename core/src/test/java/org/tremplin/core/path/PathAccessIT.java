package org.tremplin.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.coaching.ImmersionId;
import org.tremplin.api.coaching.ImmersionObjective;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.coaching.WorkplaceImmersion;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.core.coaching.JdbiImmersions;
import org.tremplin.core.coaching.ReferentRegistry;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.privacy.JdbiAuditLog;
import org.tremplin.core.privacy.PrivacyOffice;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The check → audit → write skeleton that the insertion and coaching services share, on both
 * databases: driven directly (a body that writes, then fails) and through the services.
 */
class PathAccessIT {
  private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

  /** The fixture's registries, with an audit log and a store on one database of the test's. */
  private static final class Path {
    final CohortFixture f;
    final Database database;
    final PathAccess access;
    final JdbiImmersions immersions;
    final LearnerId learner;

    Path(TestDatabase db) {
      f = CohortFixture.on(db, 2);
      learner = f.learner(0).id();
      f.tremplin.referents().assign(f.manager, learner, "coach-1", CohortFixture.START);
      database = Database.open(f.dataSource);
      AccessRules rules = f.tremplin.access();
      LearnerRegistry learners = (LearnerRegistry) f.tremplin.learners();
      PrivacyOffice privacy =
          new PrivacyOffice(
              database,
              new JdbiAuditLog(database.jdbi()),
              learners,
              rules,
              Clock.fixed(CohortFixture.NOW, CohortFixture.PARIS));
      access =
          new PathAccess(
              "coaching",
              database,
              (CohortRegistry) f.tremplin.cohorts(),
              learners,
              ((ReferentRegistry) f.tremplin.referents())::referentOf,
              privacy,
              rules);
      immersions = new JdbiImmersions(database.jdbi());
    }

    WorkplaceImmersion immersion(ImmersionId id) {
      return new WorkplaceImmersion(
          id,
          f.cohort.id(),
          learner,
          ImmersionObjective.CONFIRM_PROJECT,
          "Agence Web Solidaire",
          "M. Traoré",
          MARCH_2,
          MARCH_2.plusDays(4),
          "coach-1");
    }

    /** Audit lines about {@code what} (the referent assignment of the fixture has its own). */
    int audited(String what) {
      try (var c = f.dataSource.getConnection();
          var s = c.prepareStatement("select count(*) from tremplin_audit where what = ?")) {
        s.setString(1, what);
        try (var rs = s.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOf(TremplinException.class)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(code);
  }

  private static Actor otherCoach(CohortFixture f) {
    return Actor.of("coach-2", Role.COACH, new Scope.OfSchool(f.school.id()));
  }

  @AllDatabases
  void aDeniedCallRunsNoBodyWritesNothingAndAuditsNothing(TestDatabase db) {
    Path p = new Path(db);
    AtomicBoolean ran = new AtomicBoolean();

    assertCode(
        () ->
            p.access
                .check(otherCoach(p.f), Operation.INSERTION_WRITE, p.f.cohort.id(), p.learner)
                .write(
                    () -> {
                      ran.set(true);
                      p.immersions.insert(p.immersion(ImmersionId.random()), CohortFixture.NOW);
                      return 0;
                    }),
        ErrorCode.ACCESS_DENIED);

    assertThat(ran).isFalse();
    assertThat(p.f.rows("tremplin_immersion")).isZero();
    assertThat(p.audited("coaching.insertion_write")).isZero();
  }

  @AllDatabases
  void anAllowedWriteLeavesItsRowsAndOneAuditLineNamingTheActor(TestDatabase db) {
    Path p = new Path(db);

    p.access
        .check(p.f.coach, Operation.INSERTION_WRITE, p.f.cohort.id(), p.learner)
        .write(
            () -> {
              p.immersions.insert(p.immersion(ImmersionId.random()), CohortFixture.NOW);
              return 0;
            });

    assertThat(p.f.rows("tremplin_immersion")).isOne();
    assertThat(p.f.tremplin.privacy().auditTrail(p.f.manager, p.learner))
        .filteredOn(e -> e.what().equals("coaching.insertion_write"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("coach-1");
              assertThat(e.action()).isEqualTo(org.tremplin.api.privacy.AuditAction.CHANGE);
              assertThat(e.at()).isEqualTo(CohortFixture.NOW);
            });
  }

  @AllDatabases
  void aWriteThatFailsAfterWritingTakesItsRowsAndItsAuditLineWithIt(TestDatabase db) {
    Path p = new Path(db);

    assertCode(
        () ->
            p.access
                .check(p.f.coach, Operation.INSERTION_WRITE, p.f.cohort.id(), p.learner)
                .write(
                    () -> {
                      p.immersions.insert(p.immersion(ImmersionId.random()), CohortFixture.NOW);
                      throw new TremplinException(ErrorCode.IMMERSION_TOO_LONG, "refused late");
                    }),
        ErrorCode.IMMERSION_TOO_LONG);

    assertThat(p.f.rows("tremplin_immersion")).isZero();
    assertThat(p.audited("coaching.insertion_write")).isZero();
  }

  @AllDatabases
  void aUniqueViolationBecomesTheCallersConflictAndRollsItsAuditLineBack(TestDatabase db) {
    Path p = new Path(db);
    WorkplaceImmersion once = p.immersion(ImmersionId.random());
    PathAccess.Granted granted =
        p.access.check(p.f.coach, Operation.INSERTION_WRITE, p.f.cohort.id(), p.learner);
    granted.write(
        () -> {
          p.immersions.insert(once, CohortFixture.NOW);
          return 0;
        });

    assertCode(
        () ->
            granted.write(
                cause -> new TremplinException(ErrorCode.IMMERSION_TOO_LONG, "taken", cause),
                () -> {
                  p.immersions.insert(once, CohortFixture.NOW);
                  return 0;
                }),
        ErrorCode.IMMERSION_TOO_LONG);

    assertThat(p.f.rows("tremplin_immersion")).isOne();
    assertThat(p.audited("coaching.insertion_write")).isOne();
  }

  @AllDatabases
  void aLearnerWhoNeverJoinedTheCohortIsRefusedBeforeTheBody(TestDatabase db) {
    Path p = new Path(db);
    LearnerId newcomer = p.f.newcomer("Awa", "Diallo").id();
    AtomicBoolean ran = new AtomicBoolean();

    assertCode(
        () ->
            p.access
                .check(p.f.manager, Operation.INSERTION_WRITE, p.f.cohort.id(), newcomer)
                .write(
                    () -> {
                      ran.set(true);
                      return 0;
                    }),
        ErrorCode.LEARNER_NOT_ENROLLED);
    assertCode(
        () ->
            p.access
                .check(p.f.manager, Operation.INSERTION_READ, p.f.cohort.id(), newcomer)
                .read(() -> 0),
        ErrorCode.LEARNER_NOT_ENROLLED);

    assertThat(ran).isFalse();
    assertThat(p.f.rows("tremplin_audit")).isEqualTo(1); // the fixture's referent assignment
  }

  @AllDatabases
  void aReadIsAuditedOnlyWhenItReturns(TestDatabase db) {
    Path p = new Path(db);

    int read =
        p.access
            .check(p.f.asLearner(0), Operation.INSERTION_READ, p.f.cohort.id(), p.learner)
            .read(() -> p.immersions.byLearner(p.f.cohort.id(), p.learner).size());
    assertCode(
        () ->
            p.access
                .check(p.f.coach, Operation.INSERTION_READ, p.f.cohort.id(), p.learner)
                .read(
                    () -> {
                      throw new TremplinException(ErrorCode.INVALID_ARGUMENT, "unreadable");
                    }),
        ErrorCode.INVALID_ARGUMENT);
    assertCode(
        () -> p.access.check(otherCoach(p.f), Operation.INSERTION_READ, p.f.cohort.id(), p.learner),
        ErrorCode.ACCESS_DENIED);

    assertThat(read).isZero();
    assertThat(p.f.tremplin.privacy().auditTrail(p.f.manager, p.learner))
        .filteredOn(e -> e.what().equals("coaching.insertion_read"))
        .extracting(e -> e.actor())
        .containsExactly("learner-0");
  }

  @AllDatabases
  void aCohortReadKeepsAndAuditsOnlyTheLearnersTheActorMayRead(TestDatabase db) {
    Path p = new Path(db);
    LearnerId notMine = p.f.learner(1).id();

    List<LearnerId> kept =
        p.access.readCohort(
            p.f.coach,
            p.f.cohort.id(),
            Operation.INSERTION_READ,
            "exit",
            l -> l,
            () -> List.of(p.learner, notMine));

    assertThat(kept).containsExactly(p.learner);
    assertThat(p.audited("coaching.exit")).isOne();
    assertThat(p.f.tremplin.privacy().auditTrail(p.f.manager, notMine)).hasSize(1); // this read
  }

  @AllDatabases
  void aRefusedCallOfTheServicesLeavesNoAuditLine(TestDatabase db) {
    Path p = new Path(db);
    var insertion = p.f.tremplin.insertion();
    var coaching = p.f.tremplin.coaching();
    InsertionContract contract =
        new InsertionContract(
            StructureKind.ACI,
            CohortFixture.START,
            LocalDate.of(2026, 3, 31),
            26,
            List.of(),
            List.of(),
            "");
    insertion.recordContract(p.f.coach, p.f.cohort.id(), p.learner, contract);
    var meeting =
        coaching.planMeeting(
            p.f.coach, p.f.cohort.id(), p.learner, LocalDateTime.of(2026, 1, 6, 10, 0), "");
    int before = p.f.rows("tremplin_audit");

    assertCode(
        () -> insertion.recordContract(p.f.coach, p.f.cohort.id(), p.learner, contract),
        ErrorCode.CONTRACT_ALREADY_RECORDED);
    assertCode(
        () ->
            coaching.recordOutcome(
                p.f.manager,
                p.f.cohort.id(),
                p.learner,
                meeting.id(),
                new MeetingOutcome.Held("Bilan.", "Note confidentielle.")),
        ErrorCode.ACCESS_DENIED);
    assertCode(
        () -> insertion.contract(otherCoach(p.f), p.f.cohort.id(), p.learner, MARCH_2),
        ErrorCode.ACCESS_DENIED);

    assertThat(p.f.rows("tremplin_audit")).isEqualTo(before);
    assertThat(p.f.rows("tremplin_insertion_contract")).isOne();
  }
}

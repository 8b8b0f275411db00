package org.tremplin.lti.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.testing.LtiDatabase;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;

/** Contract of {@link JdbiSessions} on H2 and PostgreSQL (LTI.md §3, last bullet). */
class JdbiSessionsIT {
  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  private static final Duration TTL = Duration.ofMinutes(30);

  private final MutableClock clock = new MutableClock(NOW);

  private JdbiSessions sessions(UnitOfWork database) {
    return new JdbiSessions(database, clock, TTL, new SecureRandom());
  }

  private static AppSession draft(String person, List<Grant> grants, CohortId cohort) {
    return new AppSession(person, "Ada", grants, cohort, null, Locale.FRENCH, NOW);
  }

  private static AppSession learner(String person) {
    return draft(
        person, List.of(new Grant(Role.LEARNER, new Scope.OfLearner(LearnerId.random()))), null);
  }

  @AllDatabases
  void aSessionIsFoundByItsTokenBeforeItExpires(TestDatabase db) {
    JdbiSessions sessions = sessions(LtiDatabase.open(db));
    CohortId cohort = CohortId.random();

    SchoolId school = SchoolId.random();
    List<Grant> grants =
        List.of(
            new Grant(Role.TRAINER, new Scope.OfCohort(school, cohort)),
            new Grant(Role.COACH, new Scope.OfLearner(LearnerId.random())),
            new Grant(Role.MANAGER, new Scope.OfSchool(school)),
            new Grant(Role.ADMIN, new Scope.Network()));
    IssuedSession issued = sessions.open(draft("actor-1", grants, cohort));

    AppSession expected =
        new AppSession("actor-1", "Ada", grants, cohort, null, Locale.FRENCH, NOW.plus(TTL));
    assertThat(issued.session()).isEqualTo(expected);
    assertThat(sessions.find(issued.token())).contains(expected);
    clock.advance(TTL.minusSeconds(1));
    assertThat(sessions.find(issued.token())).contains(expected);
  }

  @AllDatabases
  void aSessionIsNotFoundOnceExpired(TestDatabase db) {
    JdbiSessions sessions = sessions(LtiDatabase.open(db));
    IssuedSession issued = sessions.open(learner("actor-1"));

    clock.advance(TTL);

    assertThat(sessions.find(issued.token())).isEmpty();
  }

  @AllDatabases
  void aSessionGrantingNothingYetKeepsTheCourseToLink(TestDatabase db) {
    JdbiSessions sessions = sessions(LtiDatabase.open(db));
    PendingLink link =
        new PendingLink(
            new CourseContext("https://lms.example", "client", "dep-1", "course-7"),
            SchoolId.random(),
            Set.of(Role.TRAINER, Role.MANAGER));
    IssuedSession issued =
        sessions.open(new AppSession("actor-2", "", List.of(), null, link, Locale.ENGLISH, NOW));

    assertThat(sessions.find(issued.token()))
        .contains(
            new AppSession("actor-2", "", List.of(), null, link, Locale.ENGLISH, NOW.plus(TTL)));
    assertThat(sessions.find(issued.token()).orElseThrow().actor()).isEmpty();
  }

  @AllDatabases
  void anExpiredOnPurposeSessionIsNotFound(TestDatabase db) {
    JdbiSessions sessions = sessions(LtiDatabase.open(db));
    IssuedSession issued = sessions.open(learner("actor-1"));

    assertThat(sessions.expire(issued.token())).isTrue();
    assertThat(sessions.find(issued.token())).isEmpty();
    assertThat(sessions.expire(issued.token())).isFalse();
  }

  @AllDatabases
  void unknownOrTamperedTokensFindNothing(TestDatabase db) {
    JdbiSessions sessions = sessions(LtiDatabase.open(db));
    IssuedSession issued = sessions.open(learner("actor-1"));

    assertThat(sessions.find("not-a-token")).isEmpty();
    assertThat(sessions.find(issued.token() + "x")).isEmpty();
  }

  @AllDatabases
  void tokensCarry256RandomBitsAndAreStoredOnlyAsTheirHash(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiSessions sessions = sessions(database);
    IssuedSession first = sessions.open(learner("actor-1"));
    IssuedSession second = sessions.open(learner("actor-1"));

    assertThat(Base64.getUrlDecoder().decode(first.token())).hasSize(32);
    assertThat(first.token()).isNotEqualTo(second.token());
    List<String> stored =
        database.read(
            h ->
                h.createQuery(
                        "select token_hash || ' ' || person_id || ' ' || grants"
                            + " from tremplin_lti_session")
                    .mapTo(String.class)
                    .list());
    assertThat(stored).hasSize(2);
    assertThat(String.join("\n", stored))
        .doesNotContain(first.token())
        .doesNotContain(second.token())
        .contains(JdbiSessions.hash(first.token()));
    assertThat(first.toString()).doesNotContain(first.token());
  }

  @AllDatabases
  void anUpdateReplacesTheGrantsAndEndsThePendingLinkButKeepsTheExpiry(TestDatabase db) {
    JdbiSessions sessions = sessions(LtiDatabase.open(db));
    PendingLink link =
        new PendingLink(
            new CourseContext("https://lms.example", "client", "dep-1", "course-7"),
            SchoolId.random(),
            Set.of(Role.TRAINER));
    IssuedSession issued =
        sessions.open(new AppSession("actor-3", "Bo", List.of(), null, link, Locale.FRENCH, NOW));
    clock.advance(Duration.ofMinutes(5));
    CohortId cohort = CohortId.random();
    List<Grant> grants =
        List.of(new Grant(Role.TRAINER, new Scope.OfCohort(link.school(), cohort)));

    sessions.update(issued.token(), grants, cohort);

    AppSession after = sessions.find(issued.token()).orElseThrow();
    assertThat(after.grants()).isEqualTo(grants);
    assertThat(after.cohortId()).isEqualTo(cohort);
    assertThat(after.pendingLink()).isNull();
    assertThat(after.expiresAt()).isEqualTo(NOW.plus(TTL));
    assertThat(sessions.update("unknown-token", grants, cohort)).isEmpty();
  }

  @AllDatabases
  void openingASessionLeavesExpiredOnesToThePurge(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiSessions sessions = sessions(database);
    sessions.open(learner("actor-1"));
    clock.advance(TTL.plusMinutes(1));

    sessions.open(learner("actor-2"));

    assertThat(rows(database)).isEqualTo(2);
    assertThat(sessions.purgeExpired()).isEqualTo(1);
    assertThat(rows(database)).isEqualTo(1);
  }

  private static long rows(UnitOfWork database) {
    return database.read(
        h -> h.createQuery("select count(*) from tremplin_lti_session").mapTo(Long.class).one());
  }
}

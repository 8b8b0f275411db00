package org.tremplin.lti.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.tremplin.api.access.Role;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.core.internal.Database;
import org.tremplin.lti.testing.AllDatabases;
import org.tremplin.lti.testing.MutableClock;
import org.tremplin.lti.testing.TestDatabase;

/** Contract of {@link JdbiSessions} on H2 and PostgreSQL (LTI.md §3, last bullet). */
class JdbiSessionsIT {
  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  private static final Duration TTL = Duration.ofMinutes(30);

  private final MutableClock clock = new MutableClock(NOW);

  private JdbiSessions sessions(Database database) {
    return new JdbiSessions(database, clock, TTL, new SecureRandom());
  }

  @AllDatabases
  void aSessionIsFoundByItsTokenBeforeItExpires(TestDatabase db) {
    JdbiSessions sessions = sessions(Database.open(db.fresh()));
    CohortId cohort = CohortId.random();

    IssuedSession issued = sessions.open("actor-1", Set.of(Role.TRAINER, Role.COACH), cohort);

    AppSession expected =
        new AppSession("actor-1", Set.of(Role.TRAINER, Role.COACH), cohort, NOW.plus(TTL));
    assertThat(issued.session()).isEqualTo(expected);
    assertThat(sessions.find(issued.token())).contains(expected);
    clock.advance(TTL.minusSeconds(1));
    assertThat(sessions.find(issued.token())).contains(expected);
  }

  @AllDatabases
  void aSessionIsNotFoundOnceExpired(TestDatabase db) {
    JdbiSessions sessions = sessions(Database.open(db.fresh()));
    IssuedSession issued = sessions.open("actor-1", Set.of(Role.LEARNER), null);

    clock.advance(TTL);

    assertThat(sessions.find(issued.token())).isEmpty();
  }

  @AllDatabases
  void aSessionWithoutCohortOrRolesRoundTrips(TestDatabase db) {
    JdbiSessions sessions = sessions(Database.open(db.fresh()));
    IssuedSession issued = sessions.open("actor-2", Set.of(), null);

    assertThat(sessions.find(issued.token()))
        .contains(new AppSession("actor-2", Set.of(), null, NOW.plus(TTL)));
  }

  @AllDatabases
  void anExpiredOnPurposeSessionIsNotFound(TestDatabase db) {
    JdbiSessions sessions = sessions(Database.open(db.fresh()));
    IssuedSession issued = sessions.open("actor-1", Set.of(Role.LEARNER), null);

    assertThat(sessions.expire(issued.token())).isTrue();
    assertThat(sessions.find(issued.token())).isEmpty();
    assertThat(sessions.expire(issued.token())).isFalse();
  }

  @AllDatabases
  void unknownOrTamperedTokensFindNothing(TestDatabase db) {
    JdbiSessions sessions = sessions(Database.open(db.fresh()));
    IssuedSession issued = sessions.open("actor-1", Set.of(Role.LEARNER), null);

    assertThat(sessions.find("not-a-token")).isEmpty();
    assertThat(sessions.find(issued.token() + "x")).isEmpty();
  }

  @AllDatabases
  void tokensCarry256RandomBitsAndAreStoredOnlyAsTheirHash(TestDatabase db) {
    Database database = Database.open(db.fresh());
    JdbiSessions sessions = sessions(database);
    IssuedSession first = sessions.open("actor-1", Set.of(Role.LEARNER), null);
    IssuedSession second = sessions.open("actor-1", Set.of(Role.LEARNER), null);

    assertThat(Base64.getUrlDecoder().decode(first.token())).hasSize(32);
    assertThat(first.token()).isNotEqualTo(second.token());
    List<String> stored =
        database.read(
            h ->
                h.createQuery(
                        "select token_hash || ' ' || actor_id || ' ' || roles"
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
  void openingASessionPurgesExpiredOnes(TestDatabase db) {
    Database database = Database.open(db.fresh());
    JdbiSessions sessions = sessions(database);
    sessions.open("actor-1", Set.of(Role.LEARNER), null);
    clock.advance(TTL.plusMinutes(1));

    sessions.open("actor-2", Set.of(Role.LEARNER), null);

    long rows =
        database.read(
            h ->
                h.createQuery("select count(*) from tremplin_lti_session").mapTo(Long.class).one());
    assertThat(rows).isEqualTo(1);
  }
}

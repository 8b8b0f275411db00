package org.tremplin.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.api.token.ApiToken;
import org.tremplin.api.token.ApiTokenId;
import org.tremplin.api.token.IssuedToken;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;

/** API tokens on H2 and PostgreSQL: issued once, stored as a hash, revoked, expired. */
class ApiTokensIT {
  private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
  private static final Actor OPERATOR = Actor.of("operator", Role.ADMIN, new Scope.Network());

  private final MutableClock clock = new MutableClock(NOW);

  private record Setup(Tremplin tremplin, DataSource dataSource, School school) {
    int rows(String sql) {
      return Jdbi.create(dataSource).withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    List<String> column(String column) {
      return Jdbi.create(dataSource)
          .withHandle(
              h ->
                  h.createQuery("select " + column + " from tremplin_api_token")
                      .mapTo(String.class)
                      .list());
    }
  }

  private Setup setup(TestDatabase db) {
    DataSource ds = db.fresh();
    Tremplin tremplin = Tremplin.create(ds, clock);
    School school = tremplin.schools().create(OPERATOR, "École du Web 93", new Departement("93"));
    return new Setup(tremplin, ds, school);
  }

  private static Grant managerOf(School school) {
    return new Grant(Role.MANAGER, new Scope.OfSchool(school.id()));
  }

  @AllDatabases
  void anIssuedTokenAuthenticatesAsItsGrantAndOnlyItsHashIsStored(TestDatabase db) {
    Setup s = setup(db);

    IssuedToken issued =
        s.tremplin().tokens().create(OPERATOR, managerOf(s.school()), "SI régional", null);
    Actor actor = s.tremplin().tokens().authenticate(issued.secret());

    assertThat(issued.secret())
        .startsWith(ApiTokens.PREFIX + issued.token().id().value().toString().replace("-", ""));
    assertThat(issued.toString()).doesNotContain(issued.secret());
    assertThat(actor.id()).isEqualTo("token:" + issued.token().id());
    assertThat(actor.grants()).containsExactly(managerOf(s.school()));
    // the secret is what follows tremplin_<id>_ (base64url: it may itself contain '_')
    String secretPart =
        issued
            .secret()
            .substring(
                (ApiTokens.PREFIX + issued.token().id().value().toString().replace("-", "") + "_")
                    .length());
    for (String column :
        List.of("secret_hash", "label", "created_by", "role", "cast(id as varchar(64))")) {
      assertThat(s.column(column))
          .allSatisfy(v -> assertThat(v).doesNotContain(secretPart).isNotEqualTo(issued.secret()));
    }
    assertThat(s.column("secret_hash")).singleElement().asString().hasSize(64);
  }

  @AllDatabases
  void aNetworkTokenIsStoredAndAuthenticatesAsANetworkGrant(TestDatabase db) {
    Setup s = setup(db);
    Grant network = new Grant(Role.MANAGER, new Scope.Network());

    IssuedToken issued = s.tremplin().tokens().create(OPERATOR, network, "réseau", null);

    assertThat(s.tremplin().tokens().authenticate(issued.secret()).grants())
        .containsExactly(network);
  }

  @AllDatabases
  void aRevokedTokenNoLongerAuthenticatesAndRevokingAgainChangesNothing(TestDatabase db) {
    Setup s = setup(db);
    IssuedToken issued = s.tremplin().tokens().create(OPERATOR, managerOf(s.school()), "", null);

    ApiToken revoked = s.tremplin().tokens().revoke(OPERATOR, issued.token().id());
    clock.advance(Duration.ofHours(1));
    ApiToken again = s.tremplin().tokens().revoke(OPERATOR, issued.token().id());

    assertThat(revoked.revokedAt()).isEqualTo(NOW);
    assertThat(again.revokedAt()).isEqualTo(NOW);
    assertThatThrownBy(() -> s.tremplin().tokens().authenticate(issued.secret()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TOKEN_INVALID);
  }

  @AllDatabases
  void aRevocationHoldsAtOnceOnTheRevokingNodeAndOnAnotherNodeOnceItsCheckIsStale(TestDatabase db) {
    Setup s = setup(db);
    MutableClock otherClock = new MutableClock(NOW);
    Tremplin other = Tremplin.create(s.dataSource(), otherClock);
    IssuedToken issued = s.tremplin().tokens().create(OPERATOR, managerOf(s.school()), "", null);
    s.tremplin().tokens().authenticate(issued.secret());
    other.tokens().authenticate(issued.secret()); // both nodes now keep the row

    s.tremplin().tokens().revoke(OPERATOR, issued.token().id());

    assertThatThrownBy(() -> s.tremplin().tokens().authenticate(issued.secret()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TOKEN_INVALID);
    otherClock.advance(ApiTokens.RECHECK_AFTER.minusMillis(1));
    assertThat(other.tokens().authenticate(issued.secret()).id())
        .isEqualTo("token:" + issued.token().id());
    otherClock.advance(Duration.ofMillis(1));
    assertThatThrownBy(() -> other.tokens().authenticate(issued.secret()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TOKEN_INVALID);
  }

  @AllDatabases
  void aKeptTokenRowStillRefusesAWrongSecret(TestDatabase db) {
    Setup s = setup(db);
    IssuedToken issued = s.tremplin().tokens().create(OPERATOR, managerOf(s.school()), "", null);
    String secret = issued.secret();
    char last = secret.charAt(secret.length() - 1);
    String tampered = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');

    s.tremplin().tokens().authenticate(secret);

    assertThatThrownBy(() -> s.tremplin().tokens().authenticate(tampered))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TOKEN_INVALID);
  }

  @AllDatabases
  void aTokenStopsAuthenticatingAtItsExpiry(TestDatabase db) {
    Setup s = setup(db);
    IssuedToken issued =
        s.tremplin()
            .tokens()
            .create(OPERATOR, managerOf(s.school()), "", NOW.plus(Duration.ofDays(30)));

    clock.advance(Duration.ofDays(30).minusSeconds(1));
    Actor before = s.tremplin().tokens().authenticate(issued.secret());
    clock.advance(Duration.ofSeconds(1));

    assertThat(before.id()).isEqualTo("token:" + issued.token().id());
    assertThatThrownBy(() -> s.tremplin().tokens().authenticate(issued.secret()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TOKEN_INVALID);
  }

  @AllDatabases
  void aForgedMalformedOrUnknownTokenIsRefusedWithOneCode(TestDatabase db) {
    Setup s = setup(db);
    IssuedToken issued = s.tremplin().tokens().create(OPERATOR, managerOf(s.school()), "", null);
    String secret = issued.secret();
    char last = secret.charAt(secret.length() - 1);
    String tampered = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
    String unknownId =
        ApiTokens.PREFIX
            + ApiTokenId.random().value().toString().replace("-", "")
            + secret.substring(secret.lastIndexOf('_'));

    for (String presented : List.of(tampered, unknownId, "", "tremplin_x_y", secret + "x")) {
      assertThatThrownBy(() -> s.tremplin().tokens().authenticate(presented))
          .as(presented)
          .extracting(e -> ((TremplinException) e).code())
          .isEqualTo(ErrorCode.TOKEN_INVALID);
    }
  }

  @AllDatabases
  void aSchoolAdministratorIssuesOnlyAdministratorTokensOfItsOwnSchoolAndWritesNothingElse(
      TestDatabase db) {
    Setup s = setup(db);
    School other =
        s.tremplin().schools().create(OPERATOR, "École du Web 92", new Departement("92"));
    Actor schoolAdmin = Actor.of("admin-93", Role.ADMIN, new Scope.OfSchool(s.school().id()));
    Actor manager = Actor.of("manager-93", Role.MANAGER, new Scope.OfSchool(s.school().id()));
    Grant adminOfSchool = new Grant(Role.ADMIN, new Scope.OfSchool(s.school().id()));

    IssuedToken own = s.tremplin().tokens().create(schoolAdmin, adminOfSchool, "", null);

    assertThat(own.token().createdBy()).isEqualTo("admin-93");
    for (Runnable refused :
        List.<Runnable>of(
            () -> s.tremplin().tokens().create(schoolAdmin, managerOf(s.school()), "", null),
            () -> s.tremplin().tokens().create(schoolAdmin, managerOf(other), "", null),
            () ->
                s.tremplin()
                    .tokens()
                    .create(schoolAdmin, new Grant(Role.ADMIN, new Scope.Network()), "", null),
            () -> s.tremplin().tokens().create(manager, adminOfSchool, "", null),
            () -> s.tremplin().tokens().list(manager, new Scope.OfSchool(s.school().id())),
            () -> s.tremplin().tokens().revoke(manager, own.token().id()))) {
      assertThatThrownBy(refused::run)
          .extracting(e -> ((TremplinException) e).code())
          .isEqualTo(ErrorCode.ACCESS_DENIED);
    }
    assertThat(s.rows("select count(*) from tremplin_api_token")).isEqualTo(1);
    assertThat(s.rows("select count(*) from tremplin_api_token where revoked_at is not null"))
        .isZero();
  }

  @AllDatabases
  void aTokenMayNotWidenARoleNorExpireInThePastNorServeAnUnknownSchool(TestDatabase db) {
    Setup s = setup(db);
    Scope school = new Scope.OfSchool(s.school().id());

    assertThatThrownBy(
            () -> s.tremplin().tokens().create(OPERATOR, new Grant(Role.LEARNER, school), "", null))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThatThrownBy(() -> s.tremplin().tokens().create(OPERATOR, managerOf(s.school()), "", NOW))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThatThrownBy(
            () ->
                s.tremplin()
                    .tokens()
                    .create(
                        OPERATOR,
                        new Grant(Role.ADMIN, new Scope.OfSchool(SchoolId.random())),
                        "",
                        null))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.SCHOOL_NOT_FOUND);
    assertThatThrownBy(() -> s.tremplin().tokens().revoke(OPERATOR, ApiTokenId.random()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TOKEN_NOT_FOUND);
    assertThat(s.rows("select count(*) from tremplin_api_token")).isZero();
  }

  @AllDatabases
  void aSchoolListsOnlyItsOwnTokensNewestFirst(TestDatabase db) {
    Setup s = setup(db);
    School other =
        s.tremplin().schools().create(OPERATOR, "École du Web 92", new Departement("92"));
    IssuedToken first = s.tremplin().tokens().create(OPERATOR, managerOf(s.school()), "a", null);
    clock.advance(Duration.ofMinutes(1));
    IssuedToken second = s.tremplin().tokens().create(OPERATOR, managerOf(s.school()), "b", null);
    IssuedToken elsewhere = s.tremplin().tokens().create(OPERATOR, managerOf(other), "c", null);

    assertThat(s.tremplin().tokens().list(OPERATOR, new Scope.OfSchool(s.school().id())))
        .extracting(ApiToken::id)
        .containsExactly(second.token().id(), first.token().id());
    assertThat(s.tremplin().tokens().list(OPERATOR, new Scope.Network()))
        .extracting(ApiToken::id)
        .contains(elsewhere.token().id())
        .hasSize(3);
  }

  @AllDatabases
  void aCoachTokenActsAsItsCoachInItsSchoolAndNeedsExactlyItsPerson(TestDatabase db) {
    Setup s = setup(db);
    Grant coach = new Grant(Role.COACH, new Scope.OfSchool(s.school().id()));

    IssuedToken issued =
        s.tremplin().tokens().create(OPERATOR, coach, " lti:coach-7 ", "agenda du CIP", null);

    Actor actor = s.tremplin().tokens().authenticate(issued.secret());
    assertThat(actor.id()).isEqualTo("lti:coach-7");
    assertThat(actor.grants()).containsExactly(coach);
    assertThat(s.tremplin().tokens().list(OPERATOR, new Scope.OfSchool(s.school().id())))
        .singleElement()
        .satisfies(t -> assertThat(t.person()).isEqualTo("lti:coach-7"));
    // every other token still acts as itself
    IssuedToken manager = s.tremplin().tokens().create(OPERATOR, managerOf(s.school()), "", null);
    assertThat(s.tremplin().tokens().authenticate(manager.secret()).id())
        .isEqualTo("token:" + manager.token().id());
    assertThat(s.column("person")).containsExactlyInAnyOrder("lti:coach-7", "");
  }

  @AllDatabases
  void aCoachTokenWithoutItsPersonOverTheNetworkOrAPersonOnAnotherRoleIsRefused(TestDatabase db) {
    Setup s = setup(db);
    Grant coach = new Grant(Role.COACH, new Scope.OfSchool(s.school().id()));
    Actor schoolAdmin = Actor.of("school-admin", Role.ADMIN, new Scope.OfSchool(s.school().id()));

    assertThatThrownBy(() -> s.tremplin().tokens().create(OPERATOR, coach, "", null))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThatThrownBy(
            () ->
                s.tremplin()
                    .tokens()
                    .create(
                        OPERATOR, new Grant(Role.COACH, new Scope.Network()), "coach", "", null))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThatThrownBy(
            () -> s.tremplin().tokens().create(OPERATOR, managerOf(s.school()), "coach", "", null))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThatThrownBy(() -> s.tremplin().tokens().create(schoolAdmin, coach, "coach", "", null))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThat(s.rows("select count(*) from tremplin_api_token")).isZero();
  }
}

package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.token.IssuedToken;
import org.tremplin.core.token.ApiTokens;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;

/**
 * A revoked token over HTTP on two nodes of one database (ADR 0015): refused at once by the node
 * that revoked it, by the other once that node's check of the token is {@link
 * ApiTokens#RECHECK_AFTER} old.
 */
class ApiTokenRevocationIT {

  @AllDatabases
  void aRevokedTokenIsRefusedAtOnceOnItsNodeAndOnAnotherNodeAfterTheRecheckDelay(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      MutableClock clock = new MutableClock(Instant.now());
      try (TremplinServer other = api.secondNode(clock)) {
        String path = "/api/v1/schools";
        IssuedToken token =
            api.tremplin()
                .tokens()
                .create(
                    ApiTestServer.OPERATOR,
                    new Grant(Role.MANAGER, new Scope.OfSchool(api.a.id())),
                    "two nodes",
                    null);
        assertThat(api.get(token.secret(), path).status()).isEqualTo(200);
        assertThat(api.getAt(other.uri(), token.secret(), path).status()).isEqualTo(200);

        api.tremplin().tokens().revoke(ApiTestServer.OPERATOR, token.token().id());

        api.get(token.secret(), path).problem(401, "TOKEN_INVALID");
        clock.advance(ApiTokens.RECHECK_AFTER.minusMillis(1));
        assertThat(api.getAt(other.uri(), token.secret(), path).status()).isEqualTo(200);
        clock.advance(Duration.ofMillis(1));
        api.getAt(other.uri(), token.secret(), path).problem(401, "TOKEN_INVALID");
      }
    }
  }
}

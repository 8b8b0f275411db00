package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.token.IssuedToken;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** Who may call the REST API: 401 without an accepted token, 429 past the token's rate. */
class ApiAuthenticationIT {

  @AllDatabases
  void noTokenAMalformedOneAnUnknownOneARevokedOneAnExpiredOneAre401(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      String path = "/api/v1/schools";
      assertThat(api.get(null, path).problem(401, "TOKEN_INVALID").header("WWW-Authenticate"))
          .isEqualTo("Bearer realm=\"tremplin\"");
      assertThat(
              api.send(null, "GET", path, null, Map.of("Authorization", "Basic YTpi"))
                  .problem(401, "TOKEN_INVALID")
                  .header("WWW-Authenticate"))
          .startsWith("Bearer");
      assertThat(
              api.get("tremplin_nope", path)
                  .problem(401, "TOKEN_INVALID")
                  .header("WWW-Authenticate"))
          .contains("error=\"invalid_token\"");
      String valid = api.token(Role.MANAGER, api.a);
      api.get(valid.substring(0, valid.length() - 2) + "xx", path).problem(401, "TOKEN_INVALID");

      IssuedToken revoked =
          api.tremplin()
              .tokens()
              .create(
                  ApiTestServer.OPERATOR,
                  new Grant(Role.MANAGER, new Scope.OfSchool(api.a.id())),
                  "revoked",
                  null);
      assertThat(api.get(revoked.secret(), path).status()).isEqualTo(200);
      api.tremplin().tokens().revoke(ApiTestServer.OPERATOR, revoked.token().id());
      api.get(revoked.secret(), path).problem(401, "TOKEN_INVALID");

      IssuedToken expiring =
          api.tremplin()
              .tokens()
              .create(
                  ApiTestServer.OPERATOR,
                  new Grant(Role.MANAGER, new Scope.OfSchool(api.a.id())),
                  "expiring",
                  Instant.now().plusMillis(300));
      long until = System.nanoTime() + 5_000_000_000L;
      while (api.get(expiring.secret(), path).status() == 200 && System.nanoTime() < until) {
        Thread.onSpinWait(); // the token's own expiry, judged by the server's clock
      }
      api.get(expiring.secret(), path).problem(401, "TOKEN_INVALID");

      // a write refused at the door writes nothing
      long learners = api.rows("tremplin_learner");
      api.send(
              revoked.secret(),
              "POST",
              "/api/v1/learners",
              Map.of("school", api.a.id().value().toString(), "givenName", "A", "familyName", "B"))
          .problem(401, "TOKEN_INVALID");
      assertThat(api.rows("tremplin_learner")).isEqualTo(learners);
    }
  }

  @Test
  void aTokenPastItsRequestsPerMinuteGets429WithRetryAfterAndOtherTokensGoOn() {
    try (ApiTestServer api = new ApiTestServer(TestDatabase.H2, 3)) {
      String busy = api.token(Role.MANAGER, api.a);
      String other = api.token(Role.MANAGER, api.a);
      for (int i = 0; i < 3; i++) {
        assertThat(api.get(busy, "/api/v1/schools").status()).isEqualTo(200);
      }

      ApiTestServer.Reply refused = api.get(busy, "/api/v1/schools").problem(429, "RATE_LIMITED");

      assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 20L);
      assertThat(api.get(other, "/api/v1/schools").status()).isEqualTo(200);
      long learners = api.rows("tremplin_learner");
      api.send(
              busy,
              "POST",
              "/api/v1/learners",
              Map.of("school", api.a.id().value().toString(), "givenName", "A", "familyName", "B"))
          .problem(429, "RATE_LIMITED");
      assertThat(api.rows("tremplin_learner")).isEqualTo(learners);
    }
  }
}

package org.tremplin.lti.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.testing.LtiDatabase;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;

/** Contract of {@link JdbiToolKeys} on H2 and PostgreSQL (LTI.md §8). */
class JdbiToolKeysIT {
  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  private static final Duration OVERLAP = Duration.ofDays(2);

  private final MutableClock clock = new MutableClock(NOW);

  @AllDatabases
  void aFirstRsa2048KeyIsCreatedOnFirstUseAndKept(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    assertThat(keyRows(database)).isZero();
    JdbiToolKeys keys = new JdbiToolKeys(database, clock, OVERLAP);

    RSAKey first = keys.signingKey();

    assertThat(keyRows(database)).isEqualTo(1);
    assertThat(first.size()).isEqualTo(2048);
    assertThat(first.isPrivate()).isTrue();
    assertThat(first.getKeyID()).isNotBlank();
    assertThat(first.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(first.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    assertThat(keys.signingKey()).isEqualTo(first);
    assertThat(new JdbiToolKeys(database, clock, OVERLAP).signingKey())
        .as("another node signs with the same key")
        .isEqualTo(first);
  }

  @AllDatabases
  void recentSigningKeysHoldTheCurrentKeyFirstThenThoseRetiredWithinTheOverlap(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiToolKeys keys = new JdbiToolKeys(database, clock, OVERLAP);
    RSAKey first = keys.signingKey();
    assertThat(keys.recentSigningKeys()).containsExactly(first);

    clock.advance(Duration.ofHours(1));
    RSAKey second = keys.rotate();

    assertThat(keys.recentSigningKeys()).containsExactly(second, first);
    assertThat(new JdbiToolKeys(database, clock, OVERLAP).recentSigningKeys())
        .as("another node")
        .containsExactly(second, first)
        .allMatch(RSAKey::isPrivate);

    clock.advance(OVERLAP.plusSeconds(1));
    assertThat(keys.recentSigningKeys()).containsExactly(second);
  }

  @AllDatabases
  void theJwksPublishesThePublicPartsOnly(TestDatabase db) throws Exception {
    JdbiToolKeys keys = new JdbiToolKeys(LtiDatabase.open(db), clock, OVERLAP);
    RSAKey signing = keys.signingKey();

    String json = keys.publicJwks();
    JWKSet set = JWKSet.parse(json);

    assertThat(set.getKeys()).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> published =
        (Map<String, Object>) ((List<Object>) set.toJSONObject(true).get("keys")).get(0);
    assertThat(published)
        .containsOnlyKeys("kty", "kid", "alg", "use", "n", "e")
        .containsEntry("kty", "RSA")
        .containsEntry("kid", signing.getKeyID())
        .containsEntry("alg", "RS256")
        .containsEntry("use", "sig");
    assertThat(json).doesNotContain("\"d\"").doesNotContain("\"p\"");
    assertThat(set.getKeys().get(0).isPrivate()).isFalse();
  }

  @AllDatabases
  void whatTheSigningKeySignsVerifiesWithThePublishedKey(TestDatabase db) throws Exception {
    JdbiToolKeys keys = new JdbiToolKeys(LtiDatabase.open(db), clock, OVERLAP);
    RSAKey signing = keys.signingKey();
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID()).build(),
            new Payload("{\"iss\":\"tool\"}"));
    jws.sign(new RSASSASigner(signing));

    JWK published = JWKSet.parse(keys.publicJwks()).getKeyByKeyId(signing.getKeyID());

    assertThat(JWSObject.parse(jws.serialize()).verify(new RSASSAVerifier(published.toRSAKey())))
        .isTrue();
  }

  @AllDatabases
  void afterRotationTheNewestKeySignsAndTheOldOneStaysPublishedDuringTheOverlap(TestDatabase db)
      throws Exception {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiToolKeys keys = new JdbiToolKeys(database, clock, OVERLAP);
    RSAKey old = keys.signingKey();
    clock.advance(Duration.ofDays(30));

    RSAKey rotated = keys.rotate();

    assertThat(rotated.getKeyID()).isNotEqualTo(old.getKeyID());
    assertThat(keys.signingKey()).isEqualTo(rotated);
    assertThat(kids(keys)).containsExactlyInAnyOrder(old.getKeyID(), rotated.getKeyID());

    clock.advance(OVERLAP.minusSeconds(1));
    assertThat(kids(keys)).containsExactlyInAnyOrder(old.getKeyID(), rotated.getKeyID());

    clock.advance(Duration.ofSeconds(2));
    assertThat(kids(keys)).containsExactly(rotated.getKeyID());
    assertThat(keys.signingKey()).isEqualTo(rotated);
  }

  @AllDatabases
  void aLaterRotationDeletesKeysRetiredBeforeTheOverlap(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiToolKeys keys = new JdbiToolKeys(database, clock, OVERLAP);
    keys.signingKey();
    keys.rotate();
    clock.advance(OVERLAP.plusDays(1));

    RSAKey third = keys.rotate();

    assertThat(keyRows(database)).as("the second key, just retired, and the third").isEqualTo(2);
    assertThat(keys.signingKey()).isEqualTo(third);
  }

  @AllDatabases
  void rotatingAnEmptyTableGivesTheFirstKey(TestDatabase db) throws Exception {
    JdbiToolKeys keys = new JdbiToolKeys(LtiDatabase.open(db), clock, OVERLAP);

    RSAKey first = keys.rotate();

    assertThat(keys.signingKey()).isEqualTo(first);
    assertThat(kids(keys)).containsExactly(first.getKeyID());
  }

  @AllDatabases
  void theSigningKeyRotatesByItselfOnceOlderThanTheRotationPeriodKeepingTheOldOnePublished(
      TestDatabase db) throws Exception {
    JdbiToolKeys keys = new JdbiToolKeys(LtiDatabase.open(db), clock, OVERLAP, Duration.ofDays(30));
    RSAKey first = keys.signingKey();

    clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(keys.signingKey()).isEqualTo(first);

    clock.advance(Duration.ofSeconds(1));
    RSAKey second = keys.signingKey();
    assertThat(second.getKeyID()).isNotEqualTo(first.getKeyID());
    assertThat(keys.signingKey()).isEqualTo(second);
    assertThat(kids(keys)).containsExactly(second.getKeyID(), first.getKeyID());

    clock.advance(OVERLAP.plusSeconds(1));
    assertThat(kids(keys)).containsExactly(second.getKeyID());
  }

  @org.junit.jupiter.api.Test
  void aRotationPeriodShorterThanTheOverlapIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new JdbiToolKeys(null, clock, Duration.ofDays(2), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> kids(JdbiToolKeys keys) throws Exception {
    return JWKSet.parse(keys.publicJwks()).getKeys().stream().map(JWK::getKeyID).toList();
  }

  private static long keyRows(UnitOfWork database) {
    return database.read(
        h -> h.createQuery("select count(*) from tremplin_lti_tool_key").mapTo(Long.class).one());
  }
}

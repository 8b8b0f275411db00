package org.tremplin.lti.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.core.persistence.UnitOfWork;

/**
 * The tool's own RSA signing keys in the {@code tremplin_lti_tool_key} table (LTI.md §8). The first
 * call finds no active key and generates an RSA-2048 one; {@link #rotate} adds a new active key and
 * retires the others, which stay in {@link #publicJwks} until the overlap window has passed
 * (platforms cache our keyset), then are deleted on the next rotation. The signing key rotates by
 * itself once older than the rotation period (default 90 days). Keys are signed with RS256; the
 * {@code kid} is the key's JWK thumbprint.
 *
 * <p>Thread-safe. Two nodes starting at once on an empty table may each create a key: both are then
 * active and published, and both nodes sign with the newest, which is harmless.
 */
public final class JdbiToolKeys implements ToolKeySource {
  /** Default time a retired key stays published. */
  public static final Duration DEFAULT_OVERLAP = Duration.ofDays(2);

  /** Default age at which the signing key is replaced by a new one. */
  public static final Duration DEFAULT_ROTATION = Duration.ofDays(90);

  /** The size of generated keys. */
  public static final int KEY_SIZE = 2048;

  private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;
  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  private final UnitOfWork database;
  private final Clock clock;
  private final Duration overlap;
  private final Duration rotation;

  /**
   * Keeps retired keys published for two days; rotates every 90 days.
   *
   * @param database the database (unit of work)
   * @param clock the clock read for "now"
   */
  public JdbiToolKeys(UnitOfWork database, Clock clock) {
    this(database, clock, DEFAULT_OVERLAP, DEFAULT_ROTATION);
  }

  /**
   * Keeps retired keys published for {@code overlap}; rotates every 90 days.
   *
   * @param database the database (unit of work)
   * @param clock the clock read for "now"
   * @param overlap the overlap
   */
  public JdbiToolKeys(UnitOfWork database, Clock clock, Duration overlap) {
    this(database, clock, overlap, DEFAULT_ROTATION);
  }

  /**
   * Keeps retired keys published for {@code overlap}; replaces the signing key once it is older
   * than {@code rotation} (checked when a key is needed, so no scheduler is required).
   *
   * @param database the database (unit of work)
   * @param clock the clock read for "now"
   * @param overlap the overlap
   * @param rotation the rotation
   */
  public JdbiToolKeys(UnitOfWork database, Clock clock, Duration overlap, Duration rotation) {
    if (rotation.compareTo(overlap) <= 0) {
      throw new IllegalArgumentException("the rotation period must be longer than the overlap");
    }
    this.database = database;
    this.clock = clock;
    this.overlap = overlap;
    this.rotation = rotation;
  }

  /**
   * The key to sign with: the newest active one (public and private parts, {@code kid}, {@code
   * alg}, {@code use=sig}). Generates and stores one when none is active.
   */
  @Override
  public RSAKey signingKey() {
    Instant now = clock.instant();
    Optional<ActiveKey> active = newestActive(now);
    if (active.isEmpty()) {
      RSAKey fresh = generate();
      return database.inTransaction(h -> insert(h, fresh, now));
    }
    if (!active.get().since().isAfter(now.minus(rotation))) {
      return rotate();
    }
    return active.get().key();
  }

  /**
   * The signing key first, then every other key active or retired less than the overlap window ago,
   * private parts included (e.g. to check a value signed just before a rotation).
   */
  @Override
  public List<RSAKey> recentSigningKeys() {
    RSAKey current = signingKey();
    Instant now = clock.instant();
    List<RSAKey> others =
        database.read(
            h ->
                h.createQuery(
                        """
                        select kid, private_key, public_key, alg from tremplin_lti_tool_key
                        where kid <> :kid and (retired_at is null or retired_at > :cutoff)
                        order by active_from desc, created_at desc, kid
                        """)
                    .bind("kid", current.getKeyID())
                    .bind("cutoff", UnitOfWork.timestamp(now.minus(overlap)))
                    .map((rs, ctx) -> decode(rs, true))
                    .list());
    List<RSAKey> keys = new ArrayList<>(others.size() + 1);
    keys.add(current);
    keys.addAll(others);
    return List.copyOf(keys);
  }

  /** An active key and since when it signs. */
  private record ActiveKey(RSAKey key, Instant since) {}

  /**
   * Adds a new active key and retires every other active key now; deletes the keys retired longer
   * ago than the overlap window.
   *
   * @return the new signing key
   */
  public RSAKey rotate() {
    Instant now = clock.instant();
    RSAKey fresh = generate();
    return database.inTransaction(
        h -> {
          h.createUpdate(
                  "update tremplin_lti_tool_key set retired_at = :now where retired_at is null")
              .bind("now", UnitOfWork.timestamp(now))
              .execute();
          h.createUpdate("delete from tremplin_lti_tool_key where retired_at < :cutoff")
              .bind("cutoff", UnitOfWork.timestamp(now.minus(overlap)))
              .execute();
          return insert(h, fresh, now);
        });
  }

  /**
   * The public keyset served at {@code /lti/jwks}: every active key and every key retired less than
   * the overlap window ago, public parts only ({@code kty}, {@code kid}, {@code alg}, {@code use},
   * {@code n}, {@code e}). Generates a first key when there is none.
   *
   * @return the JWKS JSON document
   */
  @Override
  public String publicJwks() {
    signingKey();
    Instant now = clock.instant();
    List<JWK> keys =
        database.read(
            h ->
                h.createQuery(
                        """
                        select kid, public_key, alg from tremplin_lti_tool_key
                        where retired_at is null or retired_at > :cutoff
                        order by active_from desc, created_at desc, kid
                        """)
                    .bind("cutoff", UnitOfWork.timestamp(now.minus(overlap)))
                    .map((rs, ctx) -> (JWK) decode(rs, false))
                    .list());
    return new JWKSet(keys).toString(true);
  }

  private Optional<ActiveKey> newestActive(Instant now) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select kid, private_key, public_key, alg, active_from from tremplin_lti_tool_key
                    where retired_at is null and active_from <= :now
                    order by active_from desc, created_at desc, kid
                    """)
                .bind("now", UnitOfWork.timestamp(now))
                .setMaxRows(1)
                .map(
                    (rs, ctx) ->
                        new ActiveKey(decode(rs, true), UnitOfWork.instant(rs, "active_from")))
                .findFirst());
  }

  private static RSAKey insert(Handle h, RSAKey key, Instant now) {
    try {
      String privateKey = BASE64.encodeToString(key.toRSAPrivateKey().getEncoded());
      String publicKey = BASE64.encodeToString(key.toRSAPublicKey().getEncoded());
      h.createUpdate(
              """
                      insert into tremplin_lti_tool_key
                        (kid, private_key, public_key, alg, created_at, active_from)
                      values (:kid, :private, :public, :alg, :now, :now)
                      """)
          .bind("kid", key.getKeyID())
          .bind("private", privateKey)
          .bind("public", publicKey)
          .bind("alg", ALGORITHM.getName())
          .bind("now", UnitOfWork.timestamp(now))
          .execute();
      return key;
    } catch (JOSEException e) {
      throw new TremplinException(ErrorCode.STORE_FAILURE, "cannot encode the tool key", e);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(KEY_SIZE)
          .keyIDFromThumbprint(true)
          .algorithm(ALGORITHM)
          .keyUse(KeyUse.SIGNATURE)
          .generate();
    } catch (JOSEException e) {
      throw new TremplinException(ErrorCode.STORE_FAILURE, "cannot generate a tool key", e);
    }
  }

  /** Rebuilds a key from its row; with the private part only when {@code withPrivate}. */
  private static RSAKey decode(ResultSet rs, boolean withPrivate) throws SQLException {
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      RSAPublicKey publicKey =
          (RSAPublicKey)
              factory.generatePublic(
                  new X509EncodedKeySpec(Base64.getDecoder().decode(rs.getString("public_key"))));
      RSAKey.Builder builder =
          new RSAKey.Builder(publicKey)
              .keyID(rs.getString("kid"))
              .algorithm(JWSAlgorithm.parse(rs.getString("alg")))
              .keyUse(KeyUse.SIGNATURE);
      if (withPrivate) {
        builder.privateKey(
            (RSAPrivateKey)
                factory.generatePrivate(
                    new PKCS8EncodedKeySpec(
                        Base64.getDecoder().decode(rs.getString("private_key")))));
      }
      return builder.build();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new TremplinException(ErrorCode.STORE_FAILURE, "a stored tool key is unreadable", e);
    }
  }
}

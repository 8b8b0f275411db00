package org.tremplin.lti.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.Objects;
import java.util.UUID;

/**
 * One signing key held in memory (tests, tools that sign without a database). A server uses the
 * database-backed {@code org.tremplin.lti.keys.JdbiToolKeys} instead, which every node shares and
 * which rotates. Immutable and thread-safe; its {@code toString} shows the {@code kid} only.
 */
public final class ToolKeys implements ToolKeySource {
  /** The RSA modulus size of generated keys. */
  public static final int RSA_BITS = 2048;

  private final RSAKey signingKey;

  /**
   * Holds this key pair; it must contain the private part and a {@code kid}.
   *
   * @param signingKey the signing key
   */
  public ToolKeys(RSAKey signingKey) {
    Objects.requireNonNull(signingKey, "signingKey");
    if (!signingKey.isPrivate() || signingKey.getKeyID() == null) {
      throw new IllegalArgumentException("the tool key must be private and have a kid");
    }
    this.signingKey = signingKey;
  }

  /**
   * A fresh 2048-bit RS256 signing key with a random {@code kid}.
   *
   * @return a fresh 2048-bit RS256 signing key with a random {@code kid}
   */
  public static ToolKeys generate() {
    try {
      return new ToolKeys(
          new RSAKeyGenerator(RSA_BITS)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the tool's RSA key", e);
    }
  }

  @Override
  public RSAKey signingKey() {
    return signingKey;
  }

  /**
   * The public keyset to publish: public members only ({@code d}, {@code p}, {@code q}... dropped).
   *
   * @return the public keyset to publish: public members only ({@code d}, {@code p}, {@code q}
   */
  public JWKSet publicKeySet() {
    return new JWKSet(signingKey.toPublicJWK());
  }

  @Override
  public String publicJwks() {
    return publicKeySet().toString(true);
  }

  @Override
  public String toString() {
    return "ToolKeys[kid=" + signingKey.getKeyID() + "]";
  }
}

package org.tremplin.lti.keys;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * Where the tool's signing keys come from (LTI.md §8): the key to sign with now, and the public
 * keyset to publish at {@code /lti/jwks} (current and recently retired keys). Implementations must
 * be thread-safe.
 */
public interface ToolKeySource {

  /** The key to sign with, private part included: never publish or log it. */
  RSAKey signingKey();

  /**
   * The public keyset to publish, as JSON ({@code {"keys":[...]}}), public members only.
   *
   * @return the JWKS document
   */
  String publicJwks();
}

package org.tremplin.lti.keys;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.List;

/**
 * Where the tool's signing keys come from (LTI.md §8): the key to sign with now, and the public
 * keyset to publish at {@code /lti/jwks} (current and recently retired keys). Implementations must
 * be thread-safe.
 */
public interface ToolKeySource {

  /**
   * The key to sign with, private part included: never publish or log it.
   *
   * @return the key to sign with, private part included: never publish or log it
   */
  RSAKey signingKey();

  /**
   * The keys that may have signed something still in flight: {@link #signingKey()} first, then the
   * keys retired less than the rotation overlap ago, private parts included. The default is the
   * signing key alone.
   *
   * @return at least one key, the current one first
   */
  default List<RSAKey> recentSigningKeys() {
    return List.of(signingKey());
  }

  /**
   * The public keyset to publish, as JSON ({@code {"keys":[...]}}), public members only.
   *
   * @return the JWKS document
   */
  String publicJwks();
}

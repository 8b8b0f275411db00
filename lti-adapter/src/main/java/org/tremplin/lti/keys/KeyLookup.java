package org.tremplin.lti.keys;

import com.nimbusds.jose.jwk.JWK;

/** The result of looking a platform key up by {@code kid}. */
public sealed interface KeyLookup {

  /**
   * The platform publishes a key with this {@code kid}.
   *
   * @param key the public key
   */
  record Found(JWK key) implements KeyLookup {}

  /** The keyset was read, even re-fetched, and has no key with this {@code kid}. */
  record Missing() implements KeyLookup {}

  /**
   * The keyset could not be fetched or parsed: our failure (or the platform's), not the token's.
   */
  record Unavailable() implements KeyLookup {}
}

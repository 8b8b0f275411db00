package org.tremplin.lti.keys;

import java.net.URI;

/** The public keys a platform signs its id_tokens with. Implementations must be thread-safe. */
public interface PlatformKeys {

  /**
   * The key with this {@code kid} in the keyset at {@code jwksUrl}.
   *
   * @param jwksUrl the jwks url
   * @param kid the kid
   * @return {@link KeyLookup.Found} with the key; {@link KeyLookup.Missing} when the keyset has no
   *     such key; {@link KeyLookup.Unavailable} when the keyset could not be read
   */
  KeyLookup find(URI jwksUrl, String kid);
}

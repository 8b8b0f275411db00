package org.tremplin.lti.keys;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;

/** Reads a platform's public keyset over the network. Implementations must be thread-safe. */
public interface JwksFetcher {

  /**
   * Fetches and parses the keyset at {@code jwksUrl}; never cached here.
   *
   * @param jwksUrl the jwks url
   * @return the j WK set
   * @throws KeysetUnavailableException when the keyset cannot be read or parsed
   */
  JWKSet fetch(URI jwksUrl) throws KeysetUnavailableException;
}

package org.tremplin.lti.services;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An OAuth 2 bearer token a platform issued to the tool for a set of scopes. Immutable; its {@code
 * toString} never shows the token.
 *
 * @param value the bearer token: never log it
 * @param scopes the scopes asked for (the cache key), sorted
 * @param expiresAt when the platform said it expires
 */
public record AccessToken(String value, Set<String> scopes, Instant expiresAt) {
  /** All required; the value is not blank. */
  public AccessToken {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("an access token is not blank");
    }
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The {@code Authorization} header value: {@code Bearer <token>}. */
  public String authorization() {
    return "Bearer " + value;
  }

  @Override
  public String toString() {
    return "AccessToken[scopes=" + scopes + ", expiresAt=" + expiresAt + "]";
  }
}

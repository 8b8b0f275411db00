package org.tremplin.core.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.SchoolId;
import org.tremplin.api.token.ApiToken;
import org.tremplin.api.token.ApiTokenId;

/** Stored API tokens and their secrets' hashes. Thread-safe; calls inside a transaction join it. */
interface TokenStore {
  /** A token and the hash of its secret. */
  record Stored(ApiToken token, String secretHash) {}

  /** Stores a new token with the hex SHA-256 of its secret. */
  void insert(ApiToken token, String secretHash);

  /** The token with this id and its hash, or empty. */
  Optional<Stored> find(ApiTokenId id);

  /** Marks the token revoked unless it already is; whether a row changed. */
  boolean revoke(ApiTokenId id, Instant at, String by);

  /** Every token, newest first. */
  List<ApiToken> all();

  /** The tokens of a school, newest first. */
  List<ApiToken> ofSchool(SchoolId school);
}

package org.tremplin.web.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tremplin.api.token.ApiTokenId;

/**
 * What {@link StaffPrivacy#erase} removed.
 *
 * @param personId the person erased
 * @param deleted rows deleted per kind of data, in the export's order
 * @param revokedTokens the API tokens that acted as them, revoked
 * @param at when
 */
public record StaffErasure(
    String personId, Map<String, Integer> deleted, List<ApiTokenId> revokedTokens, Instant at) {
  /**
   * Copies.
   *
   * @param personId the person erased
   * @param deleted rows deleted per kind of data
   * @param revokedTokens the tokens revoked
   * @param at when
   */
  public StaffErasure {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(at, "at");
    deleted = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(deleted));
    revokedTokens = List.copyOf(revokedTokens);
  }
}

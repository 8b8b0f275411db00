package org.tremplin.api.token;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Grant;

/**
 * An API token as stored: what it grants and its life, never its secret. Immutable.
 *
 * @param id its id (public)
 * @param grant the one role and scope it acts with (a school or the network)
 * @param label what the operator called it (e.g. "SI de la région"); may be empty
 * @param createdBy the actor id of whoever issued it
 * @param createdAt when it was issued
 * @param expiresAt when it stops being accepted; null when it never expires
 * @param revokedAt when it was revoked; null while it is not
 */
public record ApiToken(
    ApiTokenId id,
    Grant grant,
    String label,
    String createdBy,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Nullable Instant revokedAt) {
  /** Id, grant, creator and creation time required; the label at most 200 characters. */
  public ApiToken {
    TremplinException.required(id, "token id");
    TremplinException.required(grant, "grant");
    TremplinException.required(label, "label");
    TremplinException.check(label.length() <= 200, "token label is longer than 200 characters");
    TremplinException.requiredText(createdBy, "createdBy");
    TremplinException.required(createdAt, "createdAt");
  }

  /** When it stops being accepted, if ever. */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiresAt);
  }

  /** When it was revoked, if it was. */
  public Optional<Instant> revocation() {
    return Optional.ofNullable(revokedAt);
  }

  /** Whether it is accepted at this instant: not revoked, not expired. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}

package org.tremplin.api.token;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;

/**
 * An API token as stored: what it grants and its life, never its secret. Immutable.
 *
 * @param id its id (public)
 * @param grant the one role and scope it acts with (a school or the network)
 * @param person for a {@code COACH} token, the actor id of the coach whose caseload it acts on (the
 *     token acts as that person, ADR 0017); empty for every other role
 * @param label what the operator called it (e.g. "SI de la région"); may be empty
 * @param createdBy the actor id of whoever issued it
 * @param createdAt when it was issued
 * @param expiresAt when it stops being accepted; null when it never expires
 * @param revokedAt when it was revoked; null while it is not
 */
public record ApiToken(
    ApiTokenId id,
    Grant grant,
    String person,
    String label,
    String createdBy,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Nullable Instant revokedAt) {
  /**
   * Id, grant, creator and creation time required; the label at most 200 characters; a person
   * exactly for a COACH token.
   *
   * @param id the identifier
   * @param grant the grant
   * @param person the coach's actor id, or empty
   * @param label the label
   * @param createdBy the created by
   * @param createdAt the created at
   * @param expiresAt the expires at
   * @param revokedAt the revoked at
   */
  public ApiToken {
    TremplinException.required(id, "token id");
    TremplinException.required(grant, "grant");
    TremplinException.required(person, "person");
    TremplinException.check(person.length() <= 200, "token person is longer than 200 characters");
    TremplinException.check(
        (grant.role() == Role.COACH) == !person.isBlank(),
        "a COACH token names its coach (person), and only a COACH token does");
    TremplinException.required(label, "label");
    TremplinException.check(label.length() <= 200, "token label is longer than 200 characters");
    TremplinException.requiredText(createdBy, "createdBy");
    TremplinException.required(createdAt, "createdAt");
  }

  /**
   * When it stops being accepted, if ever.
   *
   * @return when it stops being accepted, if ever
   */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * When it was revoked, if it was.
   *
   * @return when it was revoked, if it was
   */
  public Optional<Instant> revocation() {
    return Optional.ofNullable(revokedAt);
  }

  /**
   * Whether it is accepted at this instant: not revoked, not expired.
   *
   * @param now the current instant
   * @return whether it is accepted at this instant: not revoked, not expired
   */
  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}

package org.tremplin.api.token;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Scope;

/**
 * Issues, lists, revokes and checks API tokens. Managing tokens needs {@code API_TOKEN_ADMIN} on
 * the token's school (or the network for a network token); a token other than {@code ADMIN} needs a
 * network-wide administrator, so that a school's administrator cannot mint a manager's access to
 * learner files. A token's role is {@code ADMIN}, {@code MANAGER} or {@code TRAINER}, its scope a
 * school or the network; or {@code COACH} of one school, naming the coach (a person's actor id)
 * whose caseload it reaches: such a token acts as that coach (ADR 0017).
 *
 * <p>Implementations are thread-safe.
 */
public interface ApiTokenService {
  /**
   * Issues a token.
   *
   * @param actor who issues it
   * @param grant what it grants
   * @param label a name for people (may be empty)
   * @param expiresAt when it stops being accepted; null for never
   * @return the issued token
   * @throws org.tremplin.api.TremplinException {@code ACCESS_DENIED}; {@code INVALID_ARGUMENT} for
   *     a role or scope a token may not have, or an expiry that is not in the future; {@code
   *     SCHOOL_NOT_FOUND}
   */
  default IssuedToken create(Actor actor, Grant grant, String label, @Nullable Instant expiresAt) {
    return create(actor, grant, "", label, expiresAt);
  }

  /**
   * Issues a token, a {@code COACH} token naming its coach.
   *
   * @param actor who issues it
   * @param grant what it grants
   * @param person for a {@code COACH} grant (of one school), the coach's actor id whose caseload
   *     the token reaches; empty for every other role
   * @param label a name for people (may be empty)
   * @param expiresAt when it stops being accepted; null for never
   * @return the issued token
   * @throws org.tremplin.api.TremplinException {@code ACCESS_DENIED}; {@code INVALID_ARGUMENT} for
   *     a role or scope a token may not have, a COACH token without its person (or a person on
   *     another role), or an expiry that is not in the future; {@code SCHOOL_NOT_FOUND}
   */
  IssuedToken create(
      Actor actor, Grant grant, String person, String label, @Nullable Instant expiresAt);

  /**
   * Revokes a token: it is refused from now on. Revoking a revoked token changes nothing.
   *
   * @param actor who calls, checked against the access rules
   * @param id the identifier
   * @return the api token
   * @throws org.tremplin.api.TremplinException {@code TOKEN_NOT_FOUND}; {@code ACCESS_DENIED}
   */
  ApiToken revoke(Actor actor, ApiTokenId id);

  /**
   * The tokens of a scope, newest first: a school's, or for {@link Scope.Network} every token.
   *
   * @param actor who calls, checked against the access rules
   * @param scope the scope
   * @return the tokens of a scope, newest first: a school's, or for {@link Scope.Network} every
   *     token
   * @throws org.tremplin.api.TremplinException {@code ACCESS_DENIED}; {@code INVALID_ARGUMENT} for
   *     a cohort or learner scope
   */
  List<ApiToken> list(Actor actor, Scope scope);

  /**
   * The actor a presented token acts as (id {@code token:<id>}, or for a COACH token its coach's
   * actor id; the token's grant), when it is well-formed, known, not revoked and not expired. The
   * comparison takes the same time whatever the secret presented.
   *
   * @param presented the presented
   * @return the actor a presented token acts as (id {@code token:<id>}, the token's grant), when it
   *     is well-formed, known, not revoked and not expired
   * @throws org.tremplin.api.TremplinException {@code TOKEN_INVALID} otherwise, whatever the reason
   */
  Actor authenticate(String presented);
}

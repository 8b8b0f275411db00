package org.tremplin.lti.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.access.Role;
import org.tremplin.api.cohort.CohortId;

/**
 * What the app knows about a user after a launch (LTI.md §3, last bullet): who they are, the roles
 * the launch granted, the cohort its context is linked to, and until when. Immutable.
 *
 * @param actorId the Tremplin actor id of the launching user
 * @param roles the roles granted by the launch; may be empty
 * @param cohortId the cohort the launch context is linked to, if any
 * @param expiresAt when the session stops being accepted
 */
public record AppSession(
    String actorId, Set<Role> roles, @Nullable CohortId cohortId, Instant expiresAt) {

  /** Requires an actor id; copies the roles. */
  public AppSession {
    if (actorId.isBlank()) {
      throw new IllegalArgumentException("actorId must not be blank");
    }
    roles = Set.copyOf(roles);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}

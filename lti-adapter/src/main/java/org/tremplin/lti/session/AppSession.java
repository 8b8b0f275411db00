package org.tremplin.lti.session;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;

/**
 * What the app knows about a user after a launch (LTI.md §3): who they are, the grants (role and
 * scope) the launch gave them, the cohort of the course they came from, and until when. Immutable.
 *
 * @param personId the Tremplin person id of the launching user: the actor id of audit trails
 * @param displayName the name shown on pages (the launch's {@code name}, or a neutral label)
 * @param grants what the launch allows; empty when it allows nothing yet (e.g. an unlinked course)
 * @param cohortId the cohort the course is linked to, if any
 * @param pendingLink the unlinked course a trainer or manager may link to a cohort, if any
 * @param locale the language of the pages
 * @param expiresAt when the session stops being accepted
 */
public record AppSession(
    String personId,
    String displayName,
    List<Grant> grants,
    @Nullable CohortId cohortId,
    @Nullable PendingLink pendingLink,
    Locale locale,
    Instant expiresAt) {

  /**
   * Requires a person id; copies the grants.
   *
   * @param personId the person id
   * @param displayName the display name
   * @param grants the grants
   * @param cohortId the cohort id
   * @param pendingLink the pending link
   * @param locale the language of the texts
   * @param expiresAt the expires at
   */
  public AppSession {
    if (personId.isBlank()) {
      throw new IllegalArgumentException("personId must not be blank");
    }
    Objects.requireNonNull(displayName, "displayName");
    grants = List.copyOf(grants);
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * The actor to call the domain services with; empty while the session grants nothing.
   *
   * @return the actor to call the domain services with; empty while the session grants nothing
   */
  public Optional<Actor> actor() {
    return grants.isEmpty() ? Optional.empty() : Optional.of(new Actor(personId, grants));
  }

  /**
   * The roles among the grants.
   *
   * @return the roles among the grants
   */
  public Set<Role> roles() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    grants.forEach(g -> roles.add(g.role()));
    return Set.copyOf(roles);
  }
}

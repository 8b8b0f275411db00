package org.tremplin.examples.cli;

import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;

/**
 * Whom a {@code report} run reads as ({@code --as}): the school's manager, who sees the learners'
 * names, or a network administrator, who sees counts and pseudonymous references only (DOMAIN.md,
 * People and roles).
 */
public enum ReportReader {
  /** The manager of the school named by {@code --school} (or of the cohort's school). */
  MANAGER,
  /** A network administrator: every school, no names. */
  ADMIN;

  /** The network administrator a run reads as. */
  static final Actor NETWORK_ADMIN = Actor.of("cli-report", Role.ADMIN, new Scope.Network());

  /**
   * The actor of this reader for a school.
   *
   * @param school the school read
   * @return the actor
   */
  Actor actor(SchoolId school) {
    return this == ADMIN
        ? NETWORK_ADMIN
        : Actor.of("cli-report-manager", Role.MANAGER, new Scope.OfSchool(school));
  }
}

package org.tremplin.lti.session;

import java.util.Objects;
import java.util.Set;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Role;
import org.tremplin.lti.launch.CourseContext;

/**
 * A course a trainer or manager may link to a cohort on their first launch from it (LTI.md §3),
 * with what they will be once it is linked. Immutable.
 *
 * @param course the unlinked course
 * @param school the school whose cohorts it may be linked to
 * @param roles the roles of the launch that may link (TRAINER, MANAGER)
 */
public record PendingLink(CourseContext course, SchoolId school, Set<Role> roles) {
  /**
   * All required; at least one role.
   *
   * @param course the course
   * @param school the school
   * @param roles the roles
   */
  public PendingLink {
    Objects.requireNonNull(course, "course");
    Objects.requireNonNull(school, "school");
    roles = Set.copyOf(roles);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a pending link needs the roles that may link");
    }
  }
}

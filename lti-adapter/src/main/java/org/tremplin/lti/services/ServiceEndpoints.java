package org.tremplin.lti.services;

import java.net.URI;
import java.util.Optional;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.LaunchContext;

/**
 * Remembers the service endpoints each course's launches carry (NRPS memberships, AGS line items
 * and scopes; and the AGS {@code lineitem} of each resource link), so that work done outside a
 * launch (a roster sync, a grade sent from the outbox) knows where to go. Implementations must be
 * thread-safe.
 */
public interface ServiceEndpoints {

  /** Remembers nothing and knows nothing (a launch flow without services). */
  ServiceEndpoints NONE =
      new ServiceEndpoints() {
        @Override
        public void remember(LaunchContext launch) {}

        @Override
        public Optional<CourseServices> of(CourseContext course) {
          return Optional.empty();
        }

        @Override
        public Optional<URI> lineItemOf(CourseContext course, String resourceLinkId) {
          return Optional.empty();
        }
      };

  /**
   * Records what this launch carries for its course (nothing when it carries no context): the
   * course's endpoints are replaced by the launch's, so a platform that stops offering a service is
   * seen to; the resource link's {@code lineitem} is kept when the launch names one.
   */
  void remember(LaunchContext launch);

  /**
   * The endpoints last seen for this course.
   *
   * @return empty when no launch of the course was seen since the adapter started remembering
   */
  Optional<CourseServices> of(CourseContext course);

  /**
   * The AGS {@code lineitem} a launch of this resource link carried.
   *
   * @return empty when none was seen
   */
  Optional<URI> lineItemOf(CourseContext course, String resourceLinkId);
}

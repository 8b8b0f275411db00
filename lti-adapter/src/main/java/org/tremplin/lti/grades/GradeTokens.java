package org.tremplin.lti.grades;

import java.util.Set;

/**
 * Access tokens for the platform's services (client credentials with a signed client assertion,
 * LTI.md §5), cached per (platform, scope set) for their lifetime. Implementations are thread-safe.
 */
public interface GradeTokens {
  /**
   * A valid token for these scopes on this gradebook's platform, from the cache or a new request.
   *
   * @throws GradebookException {@code RETRY_LATER} when the platform's token endpoint fails
   */
  String token(CourseGradebook gradebook, Set<String> scopes);

  /** Forgets the cached token for these scopes (after a 401), so the next call asks again. */
  void forget(CourseGradebook gradebook, Set<String> scopes);
}

package org.tremplin.lti.launch;

/** The result of validating a launch: accepted with its context, or rejected with a code. */
public sealed interface LaunchOutcome {

  /**
   * Every step passed: the caller may open a session.
   *
   * @param context the launch facts
   */
  record Accepted(LaunchContext context) implements LaunchOutcome {}

  /**
   * A step failed: answer {@link LaunchError#httpStatus()} with an error page, never a redirect
   * into the app, never a session.
   *
   * @param error the stable reason code
   */
  record Rejected(LaunchError error) implements LaunchOutcome {}
}

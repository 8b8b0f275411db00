package org.tremplin.lti.launch;

import java.util.Objects;
import org.tremplin.lti.registration.PlatformRegistration;

/** The result of validating a launch: accepted with its context, or rejected with a code. */
public sealed interface LaunchOutcome {

  /**
   * Every step passed: the caller may open a session.
   *
   * @param context the launch facts
   * @param registration the registration the launch was validated against (its login state's), so
   *     the caller needs no second lookup, e.g. for its role mapping
   */
  record Accepted(LaunchContext context, PlatformRegistration registration)
      implements LaunchOutcome {
    /**
     * Both required.
     *
     * @param context the context
     * @param registration the registration
     */
    public Accepted {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(registration, "registration");
    }
  }

  /**
   * A step failed: answer {@link LaunchError#httpStatus()} with an error page, never a redirect
   * into the app, never a session.
   *
   * @param error the stable reason code
   */
  record Rejected(LaunchError error) implements LaunchOutcome {}
}

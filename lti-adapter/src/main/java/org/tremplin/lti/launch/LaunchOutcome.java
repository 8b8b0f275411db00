package org.tremplin.lti.launch;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.registration.PlatformRegistration;

/** The result of validating a launch: accepted with its context, or rejected with a code. */
public sealed interface LaunchOutcome {

  /**
   * Every step passed: the caller may open a session.
   *
   * @param context the launch facts
   * @param registration the registration the launch was validated against (its login state's), so
   *     the caller needs no second lookup, e.g. for its role mapping
   * @param deepLinking the {@code deep_linking_settings} of a deep linking request; null for a
   *     resource link launch
   */
  record Accepted(
      LaunchContext context,
      PlatformRegistration registration,
      @Nullable DeepLinkingSettings deepLinking)
      implements LaunchOutcome {
    /**
     * Context and registration required; the settings exactly for a deep linking request.
     *
     * @param context the context
     * @param registration the registration
     * @param deepLinking the deep linking
     */
    public Accepted {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(registration, "registration");
      if (context.isDeepLinking() != (deepLinking != null)) {
        throw new IllegalArgumentException(
            "deep linking settings come with a deep linking request");
      }
    }

    /**
     * A resource link launch.
     *
     * @param context the context
     * @param registration the registration
     */
    public Accepted(LaunchContext context, PlatformRegistration registration) {
      this(context, registration, null);
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

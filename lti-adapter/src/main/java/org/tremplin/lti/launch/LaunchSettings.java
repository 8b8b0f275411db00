package org.tremplin.lti.launch;

import java.time.Duration;

/**
 * Tunables of launch validation (LTI.md §2.7, §2.12). Immutable.
 *
 * @param clockSkew tolerance on {@code exp}, {@code iat} and {@code nbf}; default 60 s
 * @param maxTokenAge how old {@code iat} may be; default 10 min
 * @param anonymousLaunchAllowed whether a launch without {@code sub} is accepted; default no
 */
public record LaunchSettings(
    Duration clockSkew, Duration maxTokenAge, boolean anonymousLaunchAllowed) {

  /** Default skew. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  /** Default maximum token age. */
  public static final Duration DEFAULT_MAX_TOKEN_AGE = Duration.ofMinutes(10);

  /**
   * Rejects negative durations.
   *
   * @param clockSkew the clock skew
   * @param maxTokenAge the max token age
   * @param anonymousLaunchAllowed the anonymous launch allowed
   */
  public LaunchSettings {
    if (clockSkew.isNegative() || maxTokenAge.isNegative() || maxTokenAge.isZero()) {
      throw new IllegalArgumentException("clockSkew must be >= 0 and maxTokenAge > 0");
    }
  }

  /**
   * 60 s skew, 10 min maximum age, anonymous launches refused.
   *
   * @return the launch settings
   */
  public static LaunchSettings defaults() {
    return new LaunchSettings(DEFAULT_CLOCK_SKEW, DEFAULT_MAX_TOKEN_AGE, false);
  }

  /**
   * The same settings with another skew.
   *
   * @param skew the skew
   * @return the same settings with another skew
   */
  public LaunchSettings withClockSkew(Duration skew) {
    return new LaunchSettings(skew, maxTokenAge, anonymousLaunchAllowed);
  }

  /**
   * The same settings with anonymous launches allowed or not.
   *
   * @param allowed the allowed
   * @return the same settings with anonymous launches allowed or not
   */
  public LaunchSettings withAnonymousLaunchAllowed(boolean allowed) {
    return new LaunchSettings(clockSkew, maxTokenAge, allowed);
  }
}

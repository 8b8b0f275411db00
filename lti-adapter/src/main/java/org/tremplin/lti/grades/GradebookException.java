package org.tremplin.lti.grades;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.LtiException;

/**
 * A gradebook request that failed: {@link LtiErrorCode#LTI_SERVICE_UNREACHABLE} to try again later
 * (with the platform's {@code Retry-After} when it gave one), or {@link
 * LtiErrorCode#LTI_SERVICE_REFUSED} for good, with the HTTP status and the platform's answer,
 * shortened. The message names the URL's host and the status, never a token. Immutable.
 */
public final class GradebookException extends LtiException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String answer;
  private final @Nullable Duration retryAfter;

  GradebookException(
      LtiErrorCode code,
      String message,
      int status,
      String answer,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(code, message, cause);
    this.status = status;
    this.answer = answer;
    this.retryAfter = retryAfter;
  }

  static GradebookException later(String message, int status, @Nullable Duration retryAfter) {
    return new GradebookException(
        LtiErrorCode.LTI_SERVICE_UNREACHABLE, message, status, "", retryAfter, null);
  }

  static GradebookException later(String message, Throwable cause) {
    return new GradebookException(
        LtiErrorCode.LTI_SERVICE_UNREACHABLE, message, 0, "", null, cause);
  }

  static GradebookException refused(String message, int status, String answer) {
    return new GradebookException(
        LtiErrorCode.LTI_SERVICE_REFUSED, message, status, answer, null, null);
  }

  /** Whether trying again later may succeed. */
  public boolean retryable() {
    return code() == LtiErrorCode.LTI_SERVICE_UNREACHABLE;
  }

  /** The HTTP status, 0 when none was received (network failure). */
  public int status() {
    return status;
  }

  /** The platform's answer to a refusal, shortened to what helps; empty otherwise. */
  public String answer() {
    return answer;
  }

  /** How long the platform asked to wait ({@code Retry-After}), if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}

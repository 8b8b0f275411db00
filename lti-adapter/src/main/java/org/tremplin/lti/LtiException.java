package org.tremplin.lti;

import java.util.Objects;

/**
 * The root of the exceptions the LTI adapter throws on its own (core's failures stay {@code
 * TremplinException}): a stable {@link LtiErrorCode} and a message naming the offending value,
 * never a token, a key or personal data. Protocol rejections are values ({@code LaunchError},
 * {@code LoginError}...), not exceptions. Immutable and thread-safe.
 */
public class LtiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The stable error code (serialized with the exception). */
  private final LtiErrorCode code;

  /**
   * An exception with a code and a message.
   *
   * @param code the stable code
   * @param message the message (no secret, no personal data)
   */
  public LtiException(LtiErrorCode code, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * An exception with a code, a message and the underlying cause.
   *
   * @param code the stable code
   * @param message the message (no secret, no personal data)
   * @param cause the underlying failure
   */
  public LtiException(LtiErrorCode code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * The stable error code.
   *
   * @return the stable error code
   */
  public LtiErrorCode code() {
    return code;
  }
}

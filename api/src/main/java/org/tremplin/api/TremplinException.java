package org.tremplin.api;

import java.util.Objects;

/**
 * The root of every exception Tremplin throws. It carries a stable {@link ErrorCode} and a precise
 * message naming the offending value; messages never contain secrets or personal notes.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class TremplinException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The stable error code (serialized with the exception). */
  private final ErrorCode code;

  /**
   * An exception with a code and a message.
   *
   * @param code the stable code
   * @param message the message (no secret, no personal data)
   */
  public TremplinException(ErrorCode code, String message) {
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
  public TremplinException(ErrorCode code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * The stable error code.
   *
   * @return the stable error code
   */
  public ErrorCode code() {
    return code;
  }

  /**
   * Throws {@code INVALID_ARGUMENT} with the message when the condition is false.
   *
   * @param condition the condition
   * @param message the message (no secret, no personal data)
   */
  public static void check(boolean condition, String message) {
    if (!condition) {
      throw new TremplinException(ErrorCode.INVALID_ARGUMENT, message);
    }
  }

  /**
   * Throws {@code INVALID_ARGUMENT} naming the field when the value is null.
   *
   * @param <T> the type of the value
   * @param value the value
   * @param field the field
   * @return what the callback returns
   */
  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new TremplinException(ErrorCode.INVALID_ARGUMENT, field + " is required");
    }
    return value;
  }

  /**
   * Throws {@code INVALID_ARGUMENT} naming the field when the text is null or blank.
   *
   * @param value the value
   * @param field the field
   * @return the required text
   */
  public static String requiredText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new TremplinException(ErrorCode.INVALID_ARGUMENT, field + " must not be blank");
    }
    return value;
  }
}

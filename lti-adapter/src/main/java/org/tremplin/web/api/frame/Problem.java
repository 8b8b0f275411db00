package org.tremplin.web.api.frame;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A refusal of the REST API's own (RFC 9457 problem details), thrown by the frame and the resources
 * and answered by {@link ProblemMapper} as {@code application/problem+json}: a status, a stable
 * code, an optional detail naming the offending value, and for bad input the fields at fault.
 * Refusals of core (access, not found, conflicts, rules) keep going through the web layer's error
 * mapper with their own codes. Unchecked; immutable.
 */
public final class Problem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Malformed input: the body is not JSON of the expected shape, a parameter is malformed. */
  public static final String BAD_REQUEST = "BAD_REQUEST";

  /** No token, or a token that is malformed, unknown, revoked or expired. */
  public static final String TOKEN_INVALID = "TOKEN_INVALID";

  /** The {@code If-Match} tag is not the representation's current one. */
  public static final String PRECONDITION_FAILED = "PRECONDITION_FAILED";

  /** An update without {@code If-Match}. */
  public static final String PRECONDITION_REQUIRED = "PRECONDITION_REQUIRED";

  /** The token's requests per minute are spent. */
  public static final String RATE_LIMITED = "RATE_LIMITED";

  /**
   * An erasure whose body does not confirm the learner named in the path: nothing is erased (a
   * mistyped id in the path erases nobody).
   */
  public static final String ERASURE_NOT_CONFIRMED = "ERASURE_NOT_CONFIRMED";

  /**
   * One field at fault.
   *
   * @param pointer the JSON pointer into the body ({@code /entries/0/mark}) or the parameter name
   * @param detail what is wrong with it
   */
  public record FieldError(String pointer, String detail) {}

  /** The HTTP status. */
  private final int status;

  /** The stable code. */
  private final String code;

  /** The detail, or null. */
  private final @Nullable String detail;

  /** The fields at fault. */
  private final transient List<FieldError> errors;

  /** The reply's extra header's name, or null. */
  private final @Nullable String header;

  /** The reply's extra header's value, or null. */
  private final @Nullable String headerValue;

  private Problem(
      int status,
      String code,
      @Nullable String detail,
      List<FieldError> errors,
      @Nullable String header,
      @Nullable String headerValue) {
    super(code, null, false, false);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = List.copyOf(errors);
    this.header = header;
    this.headerValue = headerValue;
  }

  /**
   * Malformed input (400).
   *
   * @param pointer where: a JSON pointer into the body or a parameter name
   * @param detail what is wrong, naming the value (never a secret)
   * @return the problem
   */
  public static Problem badRequest(String pointer, String detail) {
    return new Problem(
        400, BAD_REQUEST, detail, List.of(new FieldError(pointer, detail)), null, null);
  }

  /**
   * Malformed input with several fields at fault (400).
   *
   * @param errors the fields at fault, at least one
   * @return the problem
   */
  public static Problem badRequest(List<FieldError> errors) {
    return new Problem(400, BAD_REQUEST, errors.get(0).detail(), errors, null, null);
  }

  /**
   * No acceptable token (401), with the {@code WWW-Authenticate} challenge.
   *
   * @param presented whether a token was presented at all
   * @return the problem
   */
  public static Problem unauthenticated(boolean presented) {
    return new Problem(
        401,
        TOKEN_INVALID,
        null,
        List.of(),
        "WWW-Authenticate",
        presented
            ? "Bearer realm=\"tremplin\", error=\"invalid_token\""
            : "Bearer realm=\"tremplin\"");
  }

  /**
   * An erasure not confirmed (422): the body's {@code confirm} is not the id of the learner in the
   * path.
   *
   * @param pointer the member at fault ({@code /confirm})
   * @param detail what is wrong (never the learner's name)
   * @return the problem
   */
  public static Problem erasureNotConfirmed(String pointer, String detail) {
    return new Problem(
        422, ERASURE_NOT_CONFIRMED, detail, List.of(new FieldError(pointer, detail)), null, null);
  }

  /**
   * The {@code If-Match} tag is stale (412).
   *
   * @return the problem
   */
  public static Problem preconditionFailed() {
    return new Problem(412, PRECONDITION_FAILED, null, List.of(), null, null);
  }

  /**
   * An update without {@code If-Match} (428).
   *
   * @return the problem
   */
  public static Problem preconditionRequired() {
    return new Problem(428, PRECONDITION_REQUIRED, null, List.of(), null, null);
  }

  /**
   * Too many requests for this token (429), with {@code Retry-After}.
   *
   * @param retryAfterSeconds when to retry, at least 1
   * @return the problem
   */
  public static Problem rateLimited(long retryAfterSeconds) {
    return new Problem(
        429,
        RATE_LIMITED,
        null,
        List.of(),
        "Retry-After",
        String.valueOf(Math.max(1, retryAfterSeconds)));
  }

  /**
   * The HTTP status.
   *
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * The stable code.
   *
   * @return the stable code
   */
  public String code() {
    return code;
  }

  /**
   * The detail, if any.
   *
   * @return the detail, or null
   */
  public @Nullable String detail() {
    return detail;
  }

  /**
   * The fields at fault (empty unless bad input).
   *
   * @return the fields at fault
   */
  public List<FieldError> errors() {
    return errors;
  }

  /**
   * The name of the header the reply carries ({@code WWW-Authenticate}, {@code Retry-After}).
   *
   * @return the header's name, or null
   */
  public @Nullable String header() {
    return header;
  }

  /**
   * The value of {@link #header()}.
   *
   * @return the value, or null
   */
  public @Nullable String headerValue() {
    return headerValue;
  }
}

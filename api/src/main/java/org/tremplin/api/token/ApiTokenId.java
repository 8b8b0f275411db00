package org.tremplin.api.token;

import java.util.UUID;
import org.tremplin.api.TremplinException;

/**
 * Identifies an API token; it is not secret (it is printed in listings and is part of the token).
 *
 * @param value the UUID
 */
public record ApiTokenId(UUID value) {
  /** The UUID is required. */
  public ApiTokenId {
    TremplinException.required(value, "token id");
  }

  /** A new random id. */
  public static ApiTokenId random() {
    return new ApiTokenId(UUID.randomUUID());
  }

  /**
   * Parses an id as printed ({@link #toString}).
   *
   * @throws TremplinException {@code INVALID_ARGUMENT} naming the text when it is no UUID
   */
  public static ApiTokenId parse(String text) {
    TremplinException.requiredText(text, "token id");
    try {
      return new ApiTokenId(UUID.fromString(text.strip()));
    } catch (IllegalArgumentException e) {
      throw new TremplinException(
          org.tremplin.api.ErrorCode.INVALID_ARGUMENT, "not a token id: " + text.strip());
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

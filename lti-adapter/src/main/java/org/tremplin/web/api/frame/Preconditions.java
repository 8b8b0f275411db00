package org.tremplin.web.api.frame;

import org.jspecify.annotations.Nullable;

/**
 * Conditional updates: every update of an existing resource carries {@code If-Match} with the
 * {@code ETag} of the client's last read. Without it the update is refused (428), with a stale one
 * too (412), before anything is written; {@code *} matches any current representation. Call it
 * inside the update's transaction, after reading the current representation. Stateless.
 */
public final class Preconditions {
  private Preconditions() {}

  /**
   * Checks {@code If-Match} against the current representation.
   *
   * @param ifMatch the header's value, or null when absent
   * @param current the current representation (as a read would answer it)
   * @throws Problem 428 without the header, 412 when no listed tag is the current one
   */
  public static void check(@Nullable String ifMatch, Object current) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw Problem.preconditionRequired();
    }
    String tag = ApiJson.etagOf(current);
    for (String candidate : ifMatch.split(",")) {
      String presented = candidate.strip();
      if (presented.equals("*") || presented.equals(tag)) {
        return;
      }
    }
    throw Problem.preconditionFailed();
  }

  /**
   * Whether an {@code If-None-Match} value names this tag (a read may then answer 304).
   *
   * @param ifNoneMatch the header's value, or null
   * @param tag the representation's quoted tag
   * @return whether it names the tag (weakly: {@code W/} prefixes ignored) or is {@code *}
   */
  static boolean noneMatchNames(@Nullable String ifNoneMatch, String tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String presented = candidate.strip();
      if (presented.startsWith("W/")) {
        presented = presented.substring(2);
      }
      if (presented.equals("*") || presented.equals(tag)) {
        return true;
      }
    }
    return false;
  }
}

package org.tremplin.lti.text;

import org.jspecify.annotations.Nullable;

/**
 * Makes the texts a platform sends safe to store and to show: free texts (a name, a course title,
 * custom values) are cleaned and bounded, identifiers are checked. Cleaning removes what no person
 * types and what breaks a database or a page: control characters (NUL included, which PostgreSQL
 * refuses; tabs and line breaks become spaces), bidirectional embedding, override and isolate
 * controls (which would reorder the text around a name on a page or in a CSV), unpaired surrogates
 * and the non-characters U+FFFE and U+FFFF; runs of white space become one space; the result is cut
 * to a number of code points (never inside a surrogate pair), ending with "…" when cut. Stateless
 * and thread-safe.
 */
public final class PlatformText {
  /** Most code points kept of a person's name. */
  public static final int MAX_NAME = 200;

  /** Most code points kept of a course title. */
  public static final int MAX_TITLE = 255;

  /** Most code points kept of a custom parameter's name. */
  public static final int MAX_CUSTOM_NAME = 100;

  /** Most code points kept of a custom parameter's value. */
  public static final int MAX_CUSTOM_VALUE = 1000;

  /** Most custom parameters kept from one launch. */
  public static final int MAX_CUSTOM_ENTRIES = 100;

  /** Most code points kept of a language tag ({@code launch_presentation.locale}). */
  public static final int MAX_LOCALE = 35;

  /** Most characters of an identifier (LTI 1.3: {@code sub}, ids of deployment, link, course). */
  public static final int MAX_ID = 255;

  /** Most characters of a role URI. */
  public static final int MAX_ROLE = 500;

  private PlatformText() {}

  /**
   * The text cleaned and cut to {@code maxCodePoints}; empty when nothing printable remains.
   *
   * @param text the text as the platform sent it
   * @param maxCodePoints the most code points to keep, at least 2
   * @return the cleaned text, possibly empty
   */
  public static String clean(String text, int maxCodePoints) {
    if (maxCodePoints < 2) {
      throw new IllegalArgumentException("maxCodePoints < 2");
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxCodePoints * 2 + 2));
    int kept = 0;
    boolean space = false;
    boolean cut = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = kept > 0;
        continue;
      }
      if (removed(cp)) {
        continue;
      }
      int needed = space ? 2 : 1;
      if (kept + needed > maxCodePoints) {
        cut = true;
        break;
      }
      if (space) {
        out.append(' ');
        kept++;
        space = false;
      }
      out.appendCodePoint(cp);
      kept++;
    }
    if (cut) {
      while (kept >= maxCodePoints) {
        int last = out.codePointBefore(out.length());
        out.setLength(out.length() - Character.charCount(last));
        kept--;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
        out.setLength(out.length() - 1);
      }
      out.append('…');
    }
    return out.toString();
  }

  /**
   * The cleaned text, or null when the text is absent or nothing printable remains.
   *
   * @param text the text as sent, or null when the platform sent none
   * @param maxCodePoints the most code points to keep
   * @return the cleaned text or null
   */
  public static @Nullable String cleanOrNull(@Nullable String text, int maxCodePoints) {
    if (text == null) {
      return null;
    }
    String cleaned = clean(text, maxCodePoints);
    return cleaned.isEmpty() ? null : cleaned;
  }

  /**
   * Whether an identifier can be stored and compared as sent: 1 to {@code maxLength} characters,
   * none of them a control character, a bidirectional control, an unpaired surrogate or a
   * non-character.
   *
   * @param id the identifier as sent
   * @param maxLength the most characters allowed
   * @return whether it is acceptable
   */
  public static boolean isIdentifier(String id, int maxLength) {
    if (id.isEmpty() || id.length() > maxLength) {
      return false;
    }
    for (int i = 0; i < id.length(); ) {
      int cp = id.codePointAt(i);
      i += Character.charCount(cp);
      if (removed(cp) || Character.getType(cp) == Character.LINE_SEPARATOR) {
        return false;
      }
    }
    return true;
  }

  private static boolean removed(int cp) {
    return Character.getType(cp) == Character.CONTROL
        || Character.getType(cp) == Character.SURROGATE
        || isBidiControl(cp)
        || cp == 0xFFFE
        || cp == 0xFFFF;
  }

  /** ALM, LRM, RLM, the embeddings and overrides (LRE..RLO, PDF) and the isolates (LRI..PDI). */
  private static boolean isBidiControl(int cp) {
    return cp == 0x061C
        || cp == 0x200E
        || cp == 0x200F
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069);
  }
}

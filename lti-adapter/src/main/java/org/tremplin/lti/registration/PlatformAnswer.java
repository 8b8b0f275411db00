package org.tremplin.lti.registration;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an administrator needs of a platform's refusal, shortened (issue 11, item 7): an HTML error
 * page becomes its title and the start of its visible text (scripts, styles and tags dropped,
 * entities decoded, whitespace collapsed), plain text its start; control characters are removed and
 * the result bounded. The caller's page escapes it. Stateless.
 */
final class PlatformAnswer {
  /** The longest excerpt, in characters. */
  static final int MAX_EXCERPT = 200;

  private static final Pattern TITLE =
      Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern HIDDEN =
      Pattern.compile(
          "<(script|style|head|noscript|template)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private PlatformAnswer() {}

  /** The excerpt of this answer body; empty when nothing readable remains. */
  static String excerpt(String body) {
    String text = body.strip();
    if (looksLikeHtml(text)) {
      Matcher title = TITLE.matcher(text);
      String heading = title.find() ? visible(title.group(1)) : "";
      String content = visible(HIDDEN.matcher(text).replaceAll(" "));
      if (!heading.isEmpty() && content.startsWith(heading)) {
        content = content.substring(heading.length()).strip();
      }
      text = heading.isEmpty() ? content : content.isEmpty() ? heading : heading + " — " + content;
    } else {
      text = SPACES.matcher(clean(text)).replaceAll(" ").strip();
    }
    return text.length() > MAX_EXCERPT ? text.substring(0, MAX_EXCERPT).strip() + "…" : text;
  }

  private static boolean looksLikeHtml(String text) {
    String start = text.substring(0, Math.min(text.length(), 200)).toLowerCase(Locale.ROOT);
    return start.startsWith("<") || start.contains("<html") || start.contains("<body");
  }

  private static String visible(String html) {
    String text = TAG.matcher(html).replaceAll(" ");
    text =
        text.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    return SPACES.matcher(clean(text)).replaceAll(" ").strip();
  }

  /** Drops control characters (tabs and line breaks become spaces). */
  private static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
              } else if (!Character.isISOControl(c)
                  && Character.getType(c) != Character.FORMAT
                  && Character.getType(c) != Character.SURROGATE) {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}

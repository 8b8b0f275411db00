package org.tremplin.web.page;

import org.jspecify.annotations.Nullable;

/** HTML escaping for the few server-built pages. Stateless. */
public final class Html {
  private Html() {}

  /** Escapes {@code & < > " '} so the text is inert in element content and quoted attributes. */
  public static String escape(@Nullable String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

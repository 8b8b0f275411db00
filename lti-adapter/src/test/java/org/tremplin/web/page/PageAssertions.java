package org.tremplin.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every page of Tremplin has, from its one layout (UI.md, "Conventions"). */
public final class PageAssertions {
  /** A name a hostile platform or user could send. */
  public static final String HOSTILE = "<script>alert(1)</script>\"'&";

  private PageAssertions() {}

  /**
   * The page has a {@code lang}, the viewport, one {@code <main id="main">}, one {@code <h1>}, a
   * skip link to the main content first in the body, the stylesheet, and shows {@code text}.
   *
   * @param lang the expected language of the page
   */
  public static void assertIsALayoutPage(String html, String lang) {
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html).contains("<html lang=\"" + lang + "\">");
    assertThat(html)
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    assertThat(count(html, "<main")).as("one <main>").isEqualTo(1);
    assertThat(html).contains("<main id=\"main\">");
    assertThat(count(html, "<h1")).as("one <h1>").isEqualTo(1);
    assertThat(count(html, "<header")).as("one <header>").isEqualTo(1);
    Matcher title = Pattern.compile("<title>([^<]+)</title>").matcher(html);
    assertThat(title.find()).as("a title").isTrue();
    String body = html.substring(html.indexOf("<body>") + "<body>".length()).strip();
    assertThat(body).startsWith("<a class=\"skip\" href=\"#main\">");
    assertThat(html)
        .containsPattern(
            "<link rel=\"stylesheet\" href=\"(\\.\\./)*assets/tremplin\\.css\\?v=[0-9a-f]{12}\">");
  }

  /** {@link #HOSTILE} appears only escaped: no script from it, no attribute broken by it. */
  public static void assertEscapesHostile(String html) {
    assertThat(html).doesNotContain("<script>alert(1)");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  private static int count(String html, String tag) {
    return html.split(Pattern.quote(tag) + "[\\s>]", -1).length - 1;
  }
}

package org.tremplin.web.page;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the layout of a page needs: its language, its title, the name in its header (the school's
 * when the page knows it, else "Tremplin"), the address of the stylesheet relative to the page, and
 * the skip link's text, and the page's scripts (static files, {@link Scripts}; none by default: a
 * page works without them).
 *
 * @param lang the page's language ({@code fr} or {@code en})
 * @param title the {@code <title>}
 * @param site the name in the header
 * @param stylesheet the stylesheet's address, relative to the page or absolute
 * @param skip the text of the link to the main content
 * @param scripts the addresses of the page's scripts, relative to the page, loaded with {@code
 *     defer}
 */
public record Layout(
    String lang, String title, String site, String stylesheet, String skip, List<String> scripts) {
  /** The product's name, in the header of a page that knows no school. */
  public static final String PRODUCT = "Tremplin";

  /** Copies the scripts. */
  public Layout {
    scripts = List.copyOf(scripts);
  }

  /**
   * The layout of a page in this language.
   *
   * @param locale the page's language: English for English, else French
   * @param title the {@code <title>}
   * @param school the school's name, or an empty string when the page knows none
   * @param root the path from the page to the application's root, e.g. {@code "../"} for a page at
   *     {@code /lti/launch}, {@code ""} for one at {@code /demo}
   * @return the layout of a page in this language
   */
  public static Layout of(Locale locale, String title, String school, String root) {
    String lang = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "fr";
    ResourceBundle texts =
        ResourceBundle.getBundle(
            "org.tremplin.web.page.PageMessages",
            Locale.forLanguageTag(lang),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new Layout(
        lang,
        title,
        school.isBlank() ? PRODUCT : school,
        root + StylesheetResource.HREF,
        texts.getString("skip"),
        List.of());
  }

  /**
   * This layout with a script added, e.g. {@code layout.withScript("../" +
   * Scripts.href("sheet.js"))} (the script is a file served by {@link ScriptResource}: the pages'
   * CSP runs no inline script).
   */
  public Layout withScript(String href) {
    List<String> all = new java.util.ArrayList<>(scripts);
    all.add(href);
    return new Layout(lang, title, site, stylesheet, skip, all);
  }
}

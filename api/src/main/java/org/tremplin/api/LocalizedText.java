package org.tremplin.api;

import java.util.Locale;

/**
 * A text a user sees, in French (first) and English.
 *
 * @param fr the French text
 * @param en the English text
 */
public record LocalizedText(String fr, String en) {
  /**
   * Both languages are required and non-blank.
   *
   * @param fr the fr
   * @param en the en
   */
  public LocalizedText {
    TremplinException.requiredText(fr, "fr text");
    TremplinException.requiredText(en, "en text");
  }

  /**
   * The text in the given locale's language: English for {@code en}, French otherwise.
   *
   * @param locale the language of the texts
   * @return the text in the given locale's language: English for {@code en}, French otherwise
   */
  public String in(Locale locale) {
    return "en".equals(locale.getLanguage()) ? en : fr;
  }
}

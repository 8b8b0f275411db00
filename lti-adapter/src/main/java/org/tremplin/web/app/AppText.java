package org.tremplin.web.app;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * The app's texts in French (default) or English, from {@code AppMessages} bundles, with localised
 * dates. Immutable and thread-safe.
 */
public final class AppText {
  /** The languages the app speaks, French first. */
  public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

  private static final String BUNDLE = "org.tremplin.web.app.AppMessages";

  private final Locale locale;
  private final ResourceBundle bundle;

  private AppText(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * The texts in this language: English for English, French for anything else.
   *
   * @param locale the language of the texts
   * @return the texts in this language: English for English, French for anything else
   */
  public static AppText of(Locale locale) {
    return new AppText(supported(locale));
  }

  /**
   * The supported language closest to this one: English for English, else French.
   *
   * @param locale the language of the texts
   * @return the supported language closest to this one: English for English, else French
   */
  public static Locale supported(Locale locale) {
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
        ? Locale.ENGLISH
        : Locale.FRENCH;
  }

  /**
   * The language of a launch's pages: the user's language at the platform ({@code
   * launch_presentation.locale}) when the app speaks it, else the browser's first spoken one, else
   * French. The platform's comes first: it is the language the user chose in the LMS the page is
   * framed in, while the browser's may be the shared computer's.
   *
   * @param platformLocale the claim as sent (BCP 47 or Moodle's {@code en_us}), or null
   * @param browser the browser
   * @return the language of a launch's pages: the user's language at the platform ({@code
   *     launch_presentation.locale}) when the app speaks it, else the browser's first spoken one,
   *     else French
   */
  public static Locale negotiate(@Nullable String platformLocale, List<Locale> browser) {
    if (platformLocale != null && !platformLocale.isBlank()) {
      Locale platform = Locale.forLanguageTag(platformLocale.strip().replace('_', '-'));
      for (Locale s : SUPPORTED) {
        if (s.getLanguage().equals(platform.getLanguage())) {
          return s;
        }
      }
    }
    return negotiate(browser);
  }

  /**
   * The first of these preferred languages (e.g. {@code Accept-Language}) that the app speaks.
   *
   * @param preferred the preferred
   * @return the first of these preferred languages (e.g
   */
  public static Locale negotiate(List<Locale> preferred) {
    for (Locale l : preferred) {
      for (Locale s : SUPPORTED) {
        if (s.getLanguage().equals(l.getLanguage())) {
          return s;
        }
      }
    }
    return Locale.FRENCH;
  }

  /**
   * The language.
   *
   * @return the language
   */
  public Locale locale() {
    return locale;
  }

  /**
   * The text of this key with its arguments (MessageFormat, localised numbers).
   *
   * @param key the key
   * @param arguments the arguments
   * @return the text of this key with its arguments (MessageFormat, localised numbers)
   */
  public String get(String key, Object... arguments) {
    String pattern = bundle.getString(key);
    return new MessageFormat(pattern, locale).format(arguments);
  }

  /**
   * A date in the long form of the language ("1 septembre 2025", "September 1, 2025").
   *
   * @param date the day
   * @return a date in the long form of the language ("1 septembre 2025", "September 1, 2025")
   */
  public String date(LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }
}

package org.tremplin.web.roster;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The roster page's texts in French (default) or English, from the {@code RosterMessages} bundles.
 * Immutable and thread-safe.
 */
public final class RosterText {
  private static final String BUNDLE = "org.tremplin.web.roster.RosterMessages";

  private final Locale locale;
  private final ResourceBundle bundle;

  private RosterText(Locale locale) {
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
  public static RosterText of(Locale locale) {
    return new RosterText(
        Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH);
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
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }

  /**
   * A moment as a school's local date and time, in the language's medium form.
   *
   * @param instant the instant
   * @param zone the schools' zone (ADR 0024)
   * @return a moment as a school's local date and time, in the language's medium form
   */
  public String moment(Instant instant, ZoneId zone) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)
        .withZone(zone)
        .format(instant);
  }
}

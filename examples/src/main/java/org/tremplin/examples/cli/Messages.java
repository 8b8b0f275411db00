package org.tremplin.examples.cli;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The command line's texts in one language, from the bundle {@code
 * org/tremplin/examples/cli/messages} (French by default, English in {@code messages_en}), with
 * numbers and dates formatted for that language. Immutable and thread-safe.
 */
public final class Messages {
  /** The languages the command line speaks, default first. */
  public static final List<String> LANGUAGES = List.of("fr", "en");

  private static final String BUNDLE = "org.tremplin.examples.cli.messages";

  private static final String HELP_BUNDLE = "org.tremplin.examples.cli.help";

  private final Locale locale;
  private final ResourceBundle bundle;

  private Messages(Locale locale) {
    this.locale = locale;
    // No fallback to the JVM's default locale: French is the base bundle, whatever the machine.
    this.bundle = bundle(BUNDLE, locale);
  }

  private static ResourceBundle bundle(String name, Locale locale) {
    return ResourceBundle.getBundle(
        name,
        locale,
        Messages.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * The language of a run that names none: the JVM's default locale ({@code user.language}) when
   * the command line speaks it, else French.
   */
  public static String systemLanguage() {
    String language = Locale.getDefault().getLanguage();
    return LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
  }

  /** The usage help texts in this language (a picocli resource bundle, {@code help.properties}). */
  ResourceBundle help() {
    return bundle(HELP_BUNDLE, locale);
  }

  /** The texts for a language code of {@link #LANGUAGES}; anything else reads as French. */
  public static Messages of(String language) {
    return new Messages("en".equals(language) ? Locale.ENGLISH : Locale.FRENCH);
  }

  /** The language. */
  public Locale locale() {
    return locale;
  }

  /** The text of {@code key}, with {@link MessageFormat} arguments. */
  public String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** A whole number with the language's grouping. */
  public String number(long n) {
    return NumberFormat.getIntegerInstance(locale).format(n);
  }

  /**
   * An instant as a date and time in a zone (the schools', ADR 0024), the language's medium style,
   * followed by the zone's id.
   */
  public String instant(java.time.Instant instant, java.time.ZoneId zone) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(locale)
            .format(instant.atZone(zone))
        + " ("
        + zone.getId()
        + ")";
  }

  /** A date in the language's medium style (1 sept. 2025, Sep 1, 2025). */
  public String date(LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
  }
}

package org.tremplin.web.page;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of one page family in French (default) or English, from its own bundle, with dates and
 * numbers the way each language writes them (UI.md, Conventions): "lundi 1er septembre 2025" (the
 * first of the month is an ordinal in French), "Monday, September 1, 2025", "83,3 %" / "83.3%".
 * Immutable and thread-safe.
 */
public final class Texts {
  private final Locale locale;
  private final ResourceBundle bundle;

  private Texts(Locale locale, ResourceBundle bundle) {
    this.locale = locale;
    this.bundle = bundle;
  }

  /**
   * The texts of a bundle in a language: English for English, French for anything else.
   *
   * @param bundle the bundle's base name, e.g. {@code org.tremplin.web.path.PathMessages}
   * @param locale the language of the texts
   * @return the texts of a bundle in a language: English for English, French for anything else
   */
  public static Texts of(String bundle, Locale locale) {
    Locale supported =
        Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    return new Texts(
        supported,
        ResourceBundle.getBundle(
            bundle,
            supported,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
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
   * {@code fr} or {@code en}.
   *
   * @return the lang
   */
  public String lang() {
    return locale.getLanguage();
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
   * The text of this key, or {@code fallback} when the bundle has none.
   *
   * @param key the key
   * @param fallback the fallback
   * @return the text of this key, or {@code fallback} when the bundle has none
   */
  public String getOr(String key, String fallback) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return fallback;
    }
  }

  /**
   * A moment as the school's local date and time, in the language's medium form ("4 déc. 2026
   * 06:17").
   *
   * @param instant the moment
   * @param zone the schools' zone (ADR 0024)
   * @return the moment as a local date and time
   */
  public String moment(Instant instant, ZoneId zone) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)
        .format(instant.atZone(zone));
  }

  /**
   * A day without its weekday: "1er septembre 2025", "September 1, 2025".
   *
   * @param date the day
   * @return a day without its weekday: "1er septembre 2025", "September 1, 2025"
   */
  public String date(LocalDate date) {
    if (locale.getLanguage().equals("fr")) {
      return dayOfMonth(date) + " " + month(date) + " " + date.getYear();
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }

  /**
   * A day with its weekday: "lundi 1er septembre 2025", "Monday, September 1, 2025".
   *
   * @param date the day
   * @return a day with its weekday: "lundi 1er septembre 2025", "Monday, September 1, 2025"
   */
  public String day(LocalDate date) {
    if (locale.getLanguage().equals("fr")) {
      return date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale) + " " + date(date);
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
  }

  /**
   * A day and month: "1er septembre", "September 1".
   *
   * @param date the day
   * @return a day and month: "1er septembre", "September 1"
   */
  public String dayMonth(LocalDate date) {
    if (locale.getLanguage().equals("fr")) {
      return dayOfMonth(date) + " " + month(date);
    }
    return DateTimeFormatter.ofPattern("MMMM d", locale).format(date);
  }

  /**
   * A fraction (0.8333) as a percentage with one decimal: "83,3 %", "83.3%".
   *
   * @param fraction the fraction
   * @return a fraction (0.8333) as a percentage with one decimal: "83,3 %", "83.3%"
   */
  public String percent(BigDecimal fraction) {
    NumberFormat format = NumberFormat.getPercentInstance(locale);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    return format.format(fraction);
  }

  /**
   * A number with the language's separators ("1 234,5", "1,234.5"), at most one decimal.
   *
   * @param value the value
   * @return a number with the language's separators ("1 234,5", "1,234.5"), at most one decimal
   */
  public String number(BigDecimal value) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(1);
    return format.format(value);
  }

  private static String dayOfMonth(LocalDate date) {
    return date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth());
  }

  private String month(LocalDate date) {
    return date.getMonth().getDisplayName(TextStyle.FULL, locale);
  }
}

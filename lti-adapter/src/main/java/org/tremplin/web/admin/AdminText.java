package org.tremplin.web.admin;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/** The administrator pages' texts ({@code AdminMessages}), French or English. Immutable. */
public final class AdminText {
  private final Locale locale;
  private final ResourceBundle bundle;
  private final ZoneId zone;

  /** Texts in this language; times and days in this zone (the schools', ADR 0024). */
  AdminText(Locale locale, ZoneId zone) {
    this.zone = zone;
    this.locale =
        Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    this.bundle =
        ResourceBundle.getBundle(
            "org.tremplin.web.admin.AdminMessages",
            this.locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The zone days and times are read and shown in. */
  ZoneId zone() {
    return zone;
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
   * The text of this key with its arguments (MessageFormat).
   *
   * @param key the key
   * @param arguments the arguments
   * @return the text of this key with its arguments (MessageFormat)
   */
  public String get(String key, Object... arguments) {
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }

  /**
   * Whether there is a text for this key.
   *
   * @param key the key
   * @return whether there is a text for this key
   */
  boolean has(String key) {
    return bundle.containsKey(key);
  }

  String instant(Instant instant) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
        .withLocale(locale)
        .format(instant.atZone(zone));
  }

  String date(LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }
}

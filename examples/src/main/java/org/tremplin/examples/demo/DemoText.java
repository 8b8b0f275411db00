package org.tremplin.examples.demo;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The demo LMS's texts in French (default) or English, from the bundle {@code
 * org/tremplin/examples/demo/DemoMessages}. Immutable and thread-safe.
 */
final class DemoText {
  /** The languages of the demo LMS, default first. */
  static final List<String> LANGUAGES = List.of("fr", "en");

  private static final String BUNDLE = "org.tremplin.examples.demo.DemoMessages";

  private final Locale locale;
  private final ResourceBundle bundle;

  private DemoText(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            DemoText.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The texts of a language code ({@code en}); anything else reads as French. */
  static DemoText of(String language) {
    return new DemoText("en".equals(language) ? Locale.ENGLISH : Locale.FRENCH);
  }

  /**
   * The language asked for with {@code ?lang=}, else the first supported one the browser accepts,
   * else French.
   */
  static String negotiate(String lang, List<Locale> acceptable) {
    if (LANGUAGES.contains(lang)) {
      return lang;
    }
    for (Locale l : acceptable) {
      if (LANGUAGES.contains(l.getLanguage())) {
        return l.getLanguage();
      }
    }
    return LANGUAGES.get(0);
  }

  /** The language code. */
  String language() {
    return locale.getLanguage();
  }

  /**
   * The text of this key with its arguments. Every text is a MessageFormat pattern, with or without
   * arguments, so an apostrophe is written {@code ''} in the bundles and shown once.
   */
  String get(String key, Object... arguments) {
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }
}

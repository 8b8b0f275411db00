package org.tremplin.web.deeplinking;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.tremplin.web.app.AppText;

/**
 * The deep linking pages' texts in French (default) or English, from the {@code
 * DeepLinkingMessages} bundles. Immutable and thread-safe.
 */
public final class DeepLinkingText {
  private static final String BUNDLE = "org.tremplin.web.deeplinking.DeepLinkingMessages";

  private final Locale locale;
  private final ResourceBundle bundle;

  private DeepLinkingText(Locale locale) {
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
  public static DeepLinkingText of(Locale locale) {
    return new DeepLinkingText(AppText.supported(locale));
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
}

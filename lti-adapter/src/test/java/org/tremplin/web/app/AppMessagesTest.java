package org.tremplin.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The app's bundles are MessageFormat patterns: every apostrophe is written twice, shown once. */
class AppMessagesTest {
  @Test
  void everyTextInBothLanguagesShowsEachOfItsApostrophesOnce() {
    for (Locale locale : AppText.SUPPORTED) {
      AppText t = AppText.of(locale);
      ResourceBundle bundle =
          ResourceBundle.getBundle(
              "org.tremplin.web.app.AppMessages",
              locale,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      for (String key : bundle.keySet()) {
        String raw = bundle.getString(key);
        String shown = t.get(key, "X", "Y", "Z");
        assertThat(shown).as(locale + " " + key).doesNotContain("''");
        assertThat(count(shown, '\''))
            .as(locale + " " + key + ": write an apostrophe as '' in the bundle")
            .isEqualTo(count(raw.replace("''", "'"), '\''));
      }
    }
  }

  private static long count(String text, char c) {
    return text.chars().filter(x -> x == c).count();
  }
}

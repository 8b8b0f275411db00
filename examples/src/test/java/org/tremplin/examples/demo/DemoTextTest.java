package org.tremplin.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The demo LMS's texts: MessageFormat patterns, shown with one apostrophe where they have one. */
class DemoTextTest {
  @Test
  void aTextWithoutArgumentsShowsItsApostrophesOnce() {
    assertThat(DemoText.of("fr").get("lms.intro"))
        .contains("d'une plateforme")
        .doesNotContain("''");
    assertThat(DemoText.of("fr").get("lms.note")).contains("Ne l'exposez pas");
  }

  @Test
  void noTextOfEitherLanguageShowsADoubledOrAMissingApostrophe() {
    for (String language : DemoText.LANGUAGES) {
      DemoText t = DemoText.of(language);
      ResourceBundle bundle =
          ResourceBundle.getBundle(
              "org.tremplin.examples.demo.DemoMessages",
              java.util.Locale.forLanguageTag(language),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      for (String key : bundle.keySet()) {
        String raw = bundle.getString(key);
        String shown = t.get(key, "X");
        assertThat(shown).as(language + " " + key).doesNotContain("''");
        assertThat(count(shown, '\''))
            .as(language + " " + key)
            .isEqualTo(count(raw.replace("''", "'"), '\''));
      }
    }
  }

  private static long count(String text, char c) {
    return text.chars().filter(x -> x == c).count();
  }
}

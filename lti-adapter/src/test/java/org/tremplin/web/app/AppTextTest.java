package org.tremplin.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AppTextTest {
  private static final List<Locale> FRENCH_BROWSER = List.of(Locale.forLanguageTag("fr-FR"));
  private static final List<Locale> ENGLISH_BROWSER = List.of(Locale.forLanguageTag("en-GB"));

  @Test
  void thePlatformsLanguageWinsOverTheBrowsersWhenTheAppSpeaksIt() {
    assertThat(AppText.negotiate("en", FRENCH_BROWSER)).isEqualTo(Locale.ENGLISH);
    assertThat(AppText.negotiate("fr-CA", ENGLISH_BROWSER)).isEqualTo(Locale.FRENCH);
  }

  @Test
  void moodlesUnderscoreFormIsUnderstood() {
    assertThat(AppText.negotiate("en_us", FRENCH_BROWSER)).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void aPlatformLanguageTheAppDoesNotSpeakFallsBackToTheBrowsers() {
    assertThat(AppText.negotiate("de-DE", ENGLISH_BROWSER)).isEqualTo(Locale.ENGLISH);
    assertThat(AppText.negotiate("not a tag!", ENGLISH_BROWSER)).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void withoutAnyLanguageTheAppSpeaksFrench() {
    assertThat(AppText.negotiate(null, List.of())).isEqualTo(Locale.FRENCH);
    assertThat(AppText.negotiate(" ", List.of(Locale.GERMAN))).isEqualTo(Locale.FRENCH);
  }
}

package org.tremplin.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * Dates and numbers as each language writes them (UI.md): the first of the month is an ordinal in
 * French, rates have a decimal comma and a space before the percent sign; and every bundle of the
 * issue 12 pages has the same keys in both languages, each apostrophe shown once.
 */
class TextsTest {
  private static final String[] BUNDLES = {
    "org.tremplin.web.path.PathMessages", "org.tremplin.web.cohort.CohortMessages"
  };

  private final Texts fr = Texts.of(BUNDLES[0], Locale.FRENCH);
  private final Texts en = Texts.of(BUNDLES[0], Locale.ENGLISH);

  @Test
  void theFirstOfTheMonthIsAnOrdinalInFrenchOnly() {
    LocalDate first = LocalDate.of(2025, 9, 1);

    assertThat(fr.date(first)).isEqualTo("1er septembre 2025");
    assertThat(fr.day(first)).isEqualTo("lundi 1er septembre 2025");
    assertThat(fr.dayMonth(first)).isEqualTo("1er septembre");
    assertThat(fr.date(LocalDate.of(2025, 9, 2))).isEqualTo("2 septembre 2025");
    assertThat(fr.day(LocalDate.of(2026, 9, 7))).isEqualTo("lundi 7 septembre 2026");
    assertThat(en.date(first)).isEqualTo("September 1, 2025");
    assertThat(en.day(first)).isEqualTo("Monday, September 1, 2025");
  }

  @Test
  void ratesAndNumbersAreLocalised() {
    assertThat(fr.percent(new BigDecimal("0.8333")).replace('\u202f', ' ').replace('\u00a0', ' '))
        .isEqualTo("83,3 %");
    assertThat(en.percent(new BigDecimal("0.8333"))).isEqualTo("83.3%");
    assertThat(fr.number(new BigDecimal("1234.5")).replace('\u202f', ' ').replace('\u00a0', ' '))
        .isEqualTo("1 234,5");
    assertThat(en.number(new BigDecimal("1234.5"))).isEqualTo("1,234.5");
  }

  @Test
  void everyKeyExistsInBothLanguagesAndShowsItsApostrophesOnce() {
    for (String name : BUNDLES) {
      ResourceBundle french = bundle(name, Locale.FRENCH);
      ResourceBundle english = bundle(name, Locale.ENGLISH);
      assertThat(english.keySet()).as(name).isEqualTo(french.keySet());
      for (Locale locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
        Texts t = Texts.of(name, locale);
        ResourceBundle raw = bundle(name, locale);
        for (String key : raw.keySet()) {
          String shown = t.get(key, arguments(raw.getString(key), locale));
          assertThat(shown).as(locale + " " + key).doesNotContain("''");
          assertThat(count(shown))
              .as(locale + " " + key + ": write an apostrophe as '' in the bundle")
              .isEqualTo(count(raw.getString(key).replace("''", "'")));
        }
      }
    }
  }

  private static ResourceBundle bundle(String name, Locale locale) {
    return ResourceBundle.getBundle(
        name,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static long count(String text) {
    return text.chars().filter(c -> c == '\'').count();
  }

  /** "X", "Y"… for text arguments, 2 for a number or a choice (which would refuse a text). */
  private static Object[] arguments(String pattern, Locale locale) {
    java.text.Format[] formats =
        new java.text.MessageFormat(pattern, locale).getFormatsByArgumentIndex();
    Object[] arguments = {"X", "Y", "Z", "W"};
    for (int i = 0; i < formats.length && i < arguments.length; i++) {
      if (formats[i] instanceof java.text.NumberFormat) { // ChoiceFormat is one too
        arguments[i] = 2;
      }
    }
    return arguments;
  }
}

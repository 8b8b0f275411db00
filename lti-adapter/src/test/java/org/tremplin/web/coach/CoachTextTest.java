package org.tremplin.web.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.calendar.HalfDay;

class CoachTextTest {
  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        "org.tremplin.web.coach.CoachMessages",
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  @Test
  void bothLanguagesHaveTheSameTextsEachShowingItsApostrophesOnce() {
    assertThat(bundle(Locale.ENGLISH).keySet())
        .containsExactlyInAnyOrderElementsOf(bundle(Locale.FRENCH).keySet());
    for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
      CoachText t = CoachText.of(locale);
      for (String key : bundle(locale).keySet()) {
        String raw = bundle(locale).getString(key);
        String shown = t.get(key, 2, 2, 2, 2, 2);
        assertThat(shown).as(locale + " " + key).doesNotContain("''").doesNotContain("{");
        assertThat(shown.chars().filter(c -> c == '\'').count())
            .as(locale + " " + key + ": write an apostrophe as '' in the bundle")
            .isEqualTo(raw.replace("''", "'").chars().filter(c -> c == '\'').count());
      }
    }
  }

  @Test
  void anAlertsEvidenceNamesItsDaysInFrench() {
    CoachText t = CoachText.of(Locale.FRENCH);
    LocalDate monday = LocalDate.of(2026, 9, 7);

    assertThat(
            t.evidence(
                new RiskSignal.UnjustifiedAbsences(
                    List.of(HalfDay.am(monday), HalfDay.pm(monday.plusDays(1))), 10)))
        .isEqualTo(
            "2 demi-journées d’absence injustifiée en 10 jours : lundi 7 septembre 2026 (matin),"
                + " mardi 8 septembre 2026 (après-midi)");
    assertThat(
            t.evidence(
                new RiskSignal.LowAttendance(
                    new BigDecimal("0.725"), new BigDecimal("0.8"), 28, monday)))
        .contains("72,5")
        .contains("80,0")
        .contains("28 jours");
    assertThat(t.evidence(new RiskSignal.EndingWithoutExitPlan("PASS_IAE", monday, 30)))
        .isEqualTo(
            "le PASS IAE se termine le lundi 7 septembre 2026 (dans 30 jours) sans plan de sortie");
  }
}

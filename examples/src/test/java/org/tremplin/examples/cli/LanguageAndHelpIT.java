package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command answers {@code --help}, and every run speaks one language (the jar as a process).
 */
class LanguageAndHelpIT {
  /** Labels of the French text output and help that must not appear in an English run. */
  private static final List<String> FRENCH =
      List.of(
          "Utilisation",
          "Calendrier",
          "Jours ouvrés",
          "jours ouvrés",
          "Demi-journées",
          "Heures prévues",
          "Jours fériés",
          "Remise à niveau",
          "Sous-commandes",
          " du ",
          " au ");

  /** English words of the old help and labels that must not appear in a French run. */
  private static final List<String> ENGLISH =
      List.of("Usage", "Working days", "Half-days", "Show this help", "Commands:", " to ");

  private static String[] withHelp(String command, String... more) {
    List<String> args = new ArrayList<>();
    if (!command.isEmpty()) {
      args.add(command);
    }
    args.add("--help");
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "calendar",
        "readiness",
        "eligibility",
        "exit",
        "demo",
        "serve",
        "bind-school",
        "school",
        "token",
        "platform",
        "privacy"
      })
  void everyCommandAnswersHelpWithExitZeroInTheRunsLanguage(String command) throws Exception {
    JarRun french = JarRun.of(withHelp(command));
    JarRun english = JarRun.of(withHelp(command, "--lang", "en"));

    assertThat(french.exitCode()).as(french.stderr()).isZero();
    assertThat(french.stderr()).isEmpty();
    assertThat(french.stdout()).startsWith("Utilisation : tremplin").contains("--lang");
    assertThat(ENGLISH).noneMatch(french.stdout()::contains);
    assertThat(english.exitCode()).as(english.stderr()).isZero();
    assertThat(english.stdout()).startsWith("Usage: tremplin").contains("--lang");
    assertThat(FRENCH).noneMatch(english.stdout()::contains);
  }

  @Test
  void calendarWithATemplateInEnglishPrintsNoFrenchLabel() throws Exception {
    JarRun run =
        JarRun.of(
            "calendar",
            "--start",
            "2025-09-01",
            "--end",
            "2026-06-30",
            "--template",
            "ecole-du-web",
            "--lang",
            "en");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.outputLines()).contains("Working days: 209", "Phases: 5");
    assertThat(FRENCH).noneMatch(run.stdout()::contains);
  }

  @Test
  void calendarWithATemplateInFrenchPrintsNoEnglishLabel() throws Exception {
    JarRun run =
        JarRun.of(
            "calendar",
            "--start",
            "2025-09-01",
            "--end",
            "2026-06-30",
            "--template",
            "ecole-du-web");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.outputLines()).contains("Jours ouvrés : 209", "Phases : 5");
    assertThat(ENGLISH).noneMatch(run.stdout()::contains);
  }

  @Test
  void anEnglishSystemLocaleWithoutLangGivesEnglishHelpOutputAndErrors() throws Exception {
    List<String> english = List.of("-Duser.language=en", "-Duser.country=GB");
    JarRun help = JarRun.onJvm(english, "--help");
    JarRun output =
        JarRun.onJvm(english, "calendar", "--start", "2025-09-01", "--end", "2026-06-30");
    JarRun error = JarRun.onJvm(english, "calendar", "--start", "2025-09-01");

    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout()).startsWith("Usage: tremplin").contains("Commands:");
    assertThat(output.outputLines()).contains("Working days: 209");
    assertThat(error.exitCode()).isEqualTo(2);
    assertThat(error.errorLines())
        .containsExactly("tremplin calendar: missing required option: --end");
  }

  @Test
  void aSystemLocaleNeitherFrenchNorEnglishGivesFrench() throws Exception {
    JarRun run =
        JarRun.onJvm(
            List.of("-Duser.language=de", "-Duser.country=DE"),
            "calendar",
            "--start",
            "2025-09-01");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errorLines())
        .containsExactly("tremplin calendar: option obligatoire manquante : --end");
  }

  @Test
  void aTopLevelLangReachesTheSubcommand() throws Exception {
    JarRun run = JarRun.of("--lang", "en", "exit", "--situation", "SANTE");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).doesNotContain("sortie");
  }

  @Test
  void aBadValueIsNamedInTheRunsLanguage() throws Exception {
    JarRun run = JarRun.of("demo", "--port", "huit", "--check");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errorLines()).singleElement().asString().contains("--port huit");
    assertThat(ENGLISH).noneMatch(run.stderr()::contains);
    assertThat(run.stderr()).doesNotContain("Invalid value");
  }

  @Test
  void aProgrammeFromMondayToTheFridayOfItsLastWeekFitsTheTemplate() throws Exception {
    JarRun run =
        JarRun.of(
            "calendar",
            "--start",
            "2026-09-07",
            "--end",
            "2027-07-02",
            "--template",
            "ecole-du-web",
            "--format",
            "json");
    JarRun oneDayShort =
        JarRun.of(
            "calendar",
            "--start",
            "2026-09-07",
            "--end",
            "2027-07-01",
            "--template",
            "ecole-du-web");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode phases = new ObjectMapper().readTree(run.stdout()).get("phases");
    assertThat(phases.get(phases.size() - 1).get("end").asText()).isEqualTo("2027-07-02");
    assertThat(oneDayShort.exitCode()).isEqualTo(2);
    assertThat(oneDayShort.errorLines())
        .containsExactly(
            "tremplin calendar: --template ecole-du-web : le modèle dure 43 semaines et finit le"
                + " 2027-07-02, après --end 2027-07-01");
  }
}

package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExitCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> classifications() {
    return Stream.of(
        Arguments.of(new String[] {"--situation", "CDI"}, "EMPLOI_DURABLE", true),
        Arguments.of(new String[] {"--situation", "CDD", "--months", "6"}, "EMPLOI_DURABLE", true),
        Arguments.of(
            new String[] {"--situation", "CDD", "--months", "5"}, "EMPLOI_TRANSITION", true),
        Arguments.of(
            new String[] {"--situation", "INTERIM", "--months", "12"}, "EMPLOI_DURABLE", true),
        Arguments.of(
            new String[] {"--situation", "FORMATION_QUALIFIANTE"}, "SORTIE_POSITIVE", true),
        Arguments.of(new String[] {"--situation", "RECHERCHE_EMPLOI"}, "AUTRE_SORTIE", false),
        Arguments.of(new String[] {"--situation", "sante"}, "NEUTRALISEE", false));
  }

  @ParameterizedTest
  @MethodSource("classifications")
  void classifiesTheSituationAndSaysWhetherItIsADynamicExit(
      String[] args, String category, boolean dynamic) throws Exception {
    JarRun run =
        JarRun.of(
            Stream.concat(Stream.of("exit", "--format", "json"), Stream.of(args))
                .toArray(String[]::new));

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderr()).isEmpty();
    JsonNode exit = JSON.readTree(run.stdout());
    assertThat(exit.get("category").asText()).isEqualTo(category);
    assertThat(exit.get("dynamic").isBoolean()).isTrue();
    assertThat(exit.get("dynamic").asBoolean()).isEqualTo(dynamic);
    assertThat(exit.get("situation").asText()).isEqualTo(args[1].toUpperCase());
    assertThat(exit.get("rulesVersion").asText()).isNotBlank();
  }

  @Test
  void explainsTheCategoryInOneLineInFrenchByDefaultAndInEnglishWithLangEn() throws Exception {
    JarRun french = JarRun.of("exit", "--situation", "CDD", "--months", "5");
    JarRun english = JarRun.of("exit", "--situation", "SANTE", "--lang", "en");

    assertThat(french.exitCode()).as(french.stderr()).isZero();
    assertThat(french.outputLines())
        .singleElement()
        .asString()
        .startsWith(
            "CDD (contrat à durée déterminée), 5 mois : emploi de transition, sortie dynamique");
    assertThat(english.exitCode()).as(english.stderr()).isZero();
    assertThat(english.outputLines())
        .singleElement()
        .asString()
        .startsWith("Health reasons: neutralised exit (excluded from rates), not a dynamic exit");
  }

  static Stream<Arguments> badArguments() {
    return Stream.of(
        Arguments.of(new String[] {"--situation", "CDD"}, "--months"),
        Arguments.of(new String[] {"--situation", "INTERIM"}, "--months"),
        Arguments.of(new String[] {"--situation", "CHOMAGE"}, "--situation CHOMAGE"),
        Arguments.of(new String[] {"--situation", "CDD", "--months", "0"}, "--months 0"),
        Arguments.of(new String[] {"--situation", "CDD", "--months", "-3"}, "--months -3"),
        Arguments.of(new String[] {"--situation", "CDD", "--months", "six"}, "--months six"),
        Arguments.of(new String[] {"--months", "6"}, "--situation"),
        Arguments.of(new String[] {"--situation", "CDI", "--format", "xml"}, "--format xml"));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void rejectsABadArgumentWithExitCodeTwoAndOneLineNamingIt(String[] args, String named)
      throws Exception {
    JarRun run =
        JarRun.of(Stream.concat(Stream.of("exit"), Stream.of(args)).toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errorLines()).hasSize(1);
    assertThat(run.errorLines().get(0)).startsWith("tremplin exit: ").contains(named);
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void saysMonthsAreRequiredForACddAndListsTheSituationsOfAnUnknownOneInEnglish() throws Exception {
    JarRun cdd = JarRun.of("exit", "--situation", "CDD", "--lang", "en");
    JarRun unknown = JarRun.of("exit", "--situation", "CHOMAGE", "--lang", "en");

    assertThat(cdd.exitCode()).isEqualTo(2);
    assertThat(cdd.errorLines())
        .containsExactly(
            "tremplin exit: --situation CDD: --months is required (the contract's length in months)");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.errorLines())
        .singleElement()
        .asString()
        .contains("--situation CHOMAGE")
        .contains("cdi", "cdd", "interim", "formation_qualifiante", "detention");
  }
}

package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EligibilityCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode eligibilityJson(String... extra) throws Exception {
    String[] args =
        Stream.concat(Stream.of("eligibility", "--format", "json"), Stream.of(extra))
            .toArray(String[]::new);
    JarRun run = JarRun.of(args);
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderr()).isEmpty();
    return JSON.readTree(run.stdout());
  }

  private static List<String> texts(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(n -> result.add(n.asText()));
    return result;
  }

  @Test
  void aYoungPersonWithACapInAPriorityNeighbourhoodIsEligibleInAnAciOnThreeLevelTwoCriteria()
      throws Exception {
    JsonNode result =
        eligibilityJson(
            "--structure",
            "ACI",
            "--birth-date",
            "2003-05-12",
            "--education-level",
            "3",
            "--qpv",
            "QP092012",
            "--on",
            "2025-10-01");

    assertThat(result.get("eligible").isBoolean()).isTrue();
    assertThat(result.get("eligible").asBoolean()).isTrue();
    assertThat(texts(result.get("criteria"))).containsExactly("CAP_BEP", "JEUNE", "QPV");
    assertThat(texts(result.get("level1"))).isEmpty();
    assertThat(texts(result.get("level2"))).hasSize(3).containsExactly("CAP_BEP", "JEUNE", "QPV");
    assertThat(result.get("required").asText())
        .isEqualTo("1 critère de niveau 1 ou 3 critères de niveau 2 (ACI)");
    assertThat(result.get("criteriaVersion").asText()).isEqualTo("2025");
    assertThat(result.get("level2Required").asInt()).isEqualTo(3);
    assertThat(result.get("expiresOn").asText()).isEqualTo("2026-03-31");
    assertThat(result.get("suggested"))
        .extracting(s -> s.get("criterion").asText())
        .containsExactly("CAP_BEP", "JEUNE", "QPV");
    assertThat(result.get("suggested"))
        .allSatisfy(s -> assertThat(s.get("because").asText()).isNotBlank());
  }

  @Test
  void countsLevelTwoCriteriaAgainstTheStructureKindsThresholdAndOneLevelOneCriterionSuffices()
      throws Exception {
    // No --on: the diagnosis is made today.
    JsonNode aci = eligibilityJson("--structure", "ACI", "--criteria", "JEUNE,QPV");
    JsonNode ai = eligibilityJson("--structure", "AI", "--criteria", "QPV,JEUNE");
    JsonNode ei = eligibilityJson("--structure", "EI", "--criteria", "RSA", "--lang", "en");

    assertThat(aci.get("eligible").asBoolean()).isFalse();
    assertThat(texts(aci.get("criteria"))).isEmpty();
    assertThat(texts(aci.get("level2"))).containsExactly("JEUNE", "QPV");
    assertThat(texts(aci.get("suggested"))).isEmpty();
    assertThat(ai.get("eligible").asBoolean()).isTrue();
    assertThat(texts(ai.get("criteria"))).containsExactly("JEUNE", "QPV");
    assertThat(ai.get("required").asText())
        .isEqualTo("1 critère de niveau 1 ou 2 critères de niveau 2 (AI)");
    assertThat(ei.get("eligible").asBoolean()).isTrue();
    assertThat(texts(ei.get("level1"))).containsExactly("RSA");
    assertThat(texts(ei.get("criteria"))).containsExactly("RSA");
    assertThat(ei.get("required").asText())
        .isEqualTo("1 level-1 criterion or 3 level-2 criteria (EI)");
  }

  @Test
  void appliesThe2021ListBeforeSeptemberFourth2025AndThe2025ListFromThen() throws Exception {
    JsonNode before =
        eligibilityJson("--structure", "EI", "--criteria", "RSA", "--on", "2025-09-03");
    JsonNode from = eligibilityJson("--structure", "EI", "--criteria", "RSA", "--on", "2025-09-04");
    JsonNode first =
        eligibilityJson("--structure", "EI", "--criteria", "RSA", "--on", "2021-09-01");

    assertThat(before.get("criteriaVersion").asText()).isEqualTo("2021");
    assertThat(from.get("criteriaVersion").asText()).isEqualTo("2025");
    assertThat(first.get("criteriaVersion").asText()).isEqualTo("2021");
  }

  @Test
  void suggestsSeniorAndVeryLongTermJobseekerFromTheProfileAndUnitesThemWithTheCriteriaGiven()
      throws Exception {
    JsonNode result =
        eligibilityJson(
            "--structure",
            "ETTI",
            "--criteria",
            "th,PI",
            "--birth-date",
            "1970-01-15",
            "--education-level",
            "5",
            "--jobseeker-since",
            "2023-06-01",
            "--on",
            "2025-10-01");

    assertThat(texts(result.get("level1"))).containsExactly("DETLD");
    assertThat(texts(result.get("level2"))).containsExactly("SENIOR", "TH", "PI");
    assertThat(texts(result.get("criteria"))).containsExactly("DETLD");
    assertThat(result.get("suggested"))
        .extracting(s -> s.get("criterion").asText())
        .containsExactly("DETLD", "SENIOR");
  }

  @Test
  void explainsTheResultInFrenchByDefaultAndInEnglishWithLangEn() throws Exception {
    String[] profile = {
      "eligibility",
      "--structure",
      "ACI",
      "--birth-date",
      "2003-05-12",
      "--education-level",
      "3",
      "--qpv",
      "QP092012",
      "--on",
      "2025-10-01"
    };
    JarRun french = JarRun.of(profile);
    JarRun english =
        JarRun.of(
            Stream.concat(Stream.of(profile), Stream.of("--lang", "en")).toArray(String[]::new));
    JarRun notEligible =
        JarRun.of("eligibility", "--structure", "ACI", "--criteria", "JEUNE,QPV", "--lang", "en");

    assertThat(french.exitCode()).as(french.stderr()).isZero();
    assertThat(french.outputLines())
        .contains(
            "Éligible : oui",
            "Critères comptés : CAP_BEP, JEUNE, QPV",
            "Requis : 1 critère de niveau 1 ou 3 critères de niveau 2 (ACI)")
        .anyMatch(l -> l.contains("JEUNE") && l.contains("22 ans au 1 oct. 2025"))
        .anyMatch(l -> l.contains("QPV") && l.contains("réside dans le QPV QP092012"))
        .anyMatch(l -> l.contains("31 mars 2026"));
    assertThat(english.exitCode()).as(english.stderr()).isZero();
    assertThat(english.outputLines())
        .contains(
            "Eligible: yes",
            "Criteria counted: CAP_BEP, JEUNE, QPV",
            "Required: 1 level-1 criterion or 3 level-2 criteria (ACI)")
        .anyMatch(l -> l.contains("CAP_BEP") && l.contains("suggested: education level 3"));
    assertThat(notEligible.exitCode()).as(notEligible.stderr()).isZero();
    assertThat(notEligible.outputLines())
        .contains(
            "Eligible: no (2 level-2 criteria of the 3 required, no level-1 criterion)",
            "Criteria counted: none")
        .anyMatch(l -> l.contains("QPV") && l.contains("given with --criteria"));
  }

  static Stream<Arguments> badArguments() {
    return Stream.of(
        Arguments.of(new String[] {"--structure", "XYZ"}, "--structure XYZ"),
        Arguments.of(new String[] {"--criteria", "JEUNE"}, "--structure"),
        Arguments.of(new String[] {"--structure", "ACI", "--criteria", "RSA,FOO"}, "FOO"),
        Arguments.of(new String[] {"--structure", "ACI", "--qpv", "QP992012"}, "--qpv QP992012"),
        Arguments.of(
            new String[] {"--structure", "ACI", "--education-level", "9"}, "--education-level 9"),
        Arguments.of(
            new String[] {"--structure", "ACI", "--education-level", "bac"},
            "--education-level bac"),
        Arguments.of(
            new String[] {"--structure", "ACI", "--birth-date", "2003-02-30"},
            "--birth-date 2003-02-30"),
        Arguments.of(new String[] {"--structure", "ACI", "--on", "demain"}, "--on demain"),
        Arguments.of(
            new String[] {"--structure", "ACI", "--birth-date", "2025-10-02", "--on", "2025-10-01"},
            "--birth-date 2025-10-02"),
        Arguments.of(
            new String[] {
              "--structure", "ACI", "--jobseeker-since", "2025-10-02", "--on", "2025-10-01"
            },
            "--jobseeker-since 2025-10-02"),
        Arguments.of(
            new String[] {"--structure", "EI", "--criteria", "RSA", "--on", "2021-08-31"},
            "--on 2021-08-31"));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void rejectsABadArgumentWithExitCodeTwoAndOneLineNamingIt(String[] args, String named)
      throws Exception {
    JarRun run =
        JarRun.of(Stream.concat(Stream.of("eligibility"), Stream.of(args)).toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errorLines()).hasSize(1);
    assertThat(run.errorLines().get(0)).startsWith("tremplin eligibility: ").contains(named);
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void namesTheUnknownCriterionInEnglishWithLangEn() throws Exception {
    JarRun run =
        JarRun.of(
            "eligibility",
            "--lang",
            "en",
            "--structure",
            "ACI",
            "--criteria",
            "RSA,FOO",
            "--on",
            "2025-10-01");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errorLines())
        .singleElement()
        .asString()
        .startsWith("tremplin eligibility: --criteria FOO: unknown criterion in the 2025 list")
        .contains("RSA, ASS, AAH, DETLD");
  }
}

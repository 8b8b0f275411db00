package org.tremplin.core.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.eligibility.AdministrativeCriterion;
import org.tremplin.api.eligibility.CriteriaVersion;
import org.tremplin.api.eligibility.CriterionLevel;
import org.tremplin.api.eligibility.CriterionSuggestion;
import org.tremplin.api.eligibility.EligibilityDiagnosis;
import org.tremplin.api.eligibility.EligibilityResult;
import org.tremplin.api.eligibility.ProfileFact;
import org.tremplin.api.eligibility.ProofIssue;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.eligibility.SupportingDocument;

/**
 * Arrêté du 1er septembre 2021 (revised 4 September 2025): eligible with one level-1 criterion, or
 * at least 3 level-2 criteria in an ACI, EI or EITI, 2 in an AI or ETTI; a diagnosis is valid 6
 * months unless a PASS IAE runs.
 */
class ReferenceEligibilityRulesTest {
  private static final ReferenceEligibilityRules RULES = new ReferenceEligibilityRules();
  private static final LocalDate DAY = LocalDate.of(2025, 10, 1);

  private static EligibilityDiagnosis diagnosis(StructureKind kind, String... criteria) {
    return new EligibilityDiagnosis("cip-1", DAY, kind, List.of(criteria), List.of());
  }

  @Test
  void bothVersionsListTheEighteenCriteriaAtTheirLevel() {
    assertThat(RULES.versions())
        .extracting(CriteriaVersion::version)
        .containsExactly("2021", "2025");
    for (CriteriaVersion v : RULES.versions()) {
      assertThat(v.criteria()).hasSize(18);
      assertThat(v.criteria().stream().filter(c -> c.level() == CriterionLevel.LEVEL_1))
          .extracting(AdministrativeCriterion::code)
          .containsExactlyInAnyOrder("RSA", "ASS", "AAH", "DETLD");
    }
  }

  @Test
  void theVersionInForceOnTheDiagnosisDateApplies() {
    assertThat(RULES.versionOn(LocalDate.of(2025, 9, 3)).version()).isEqualTo("2021");
    assertThat(RULES.versionOn(LocalDate.of(2025, 9, 4)).version()).isEqualTo("2025");
    assertThatThrownBy(() -> RULES.versionOn(LocalDate.of(2021, 8, 31)))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ELIGIBILITY_NO_CRITERIA_VERSION);
  }

  @ParameterizedTest
  @CsvSource({"ACI", "AI", "EI", "ETTI", "EITI"})
  void oneLevelOneCriterionIsEnoughInEveryStructure(StructureKind kind) {
    EligibilityResult r = RULES.evaluate(diagnosis(kind, "RSA"));
    assertThat(r.eligible()).isTrue();
    assertThat(r.counted()).containsExactly("RSA");
  }

  @ParameterizedTest
  @CsvSource({"ACI, 3", "EI, 3", "EITI, 3", "AI, 2", "ETTI, 2"})
  void levelTwoCriteriaMustReachTheThresholdOfTheStructure(StructureKind kind, int required) {
    List<String> codes = List.of("JEUNE", "QPV", "CAP_BEP");
    EligibilityResult justBelow =
        RULES.evaluate(diagnosis(kind, codes.subList(0, required - 1).toArray(String[]::new)));
    EligibilityResult enough =
        RULES.evaluate(diagnosis(kind, codes.subList(0, required).toArray(String[]::new)));

    assertThat(justBelow.eligible()).isFalse();
    assertThat(justBelow.counted()).isEmpty();
    assertThat(enough.eligible()).isTrue();
    assertThat(enough.level2Required()).isEqualTo(required);
  }

  @Test
  void aYoungQpvResidentWithoutTheBacIsEligibleInAnAci() {
    // DOMAIN.md example: 22 years old, QPV, no bac -> JEUNE + QPV + CAP_BEP.
    List<CriterionSuggestion> s =
        RULES.suggest(
            List.of(
                new ProfileFact.BirthDate(LocalDate.of(2003, 5, 12)),
                new ProfileFact.EducationLevel(3),
                new ProfileFact.PriorityNeighbourhoodResidence("QP092012")),
            DAY);
    List<String> codes = s.stream().map(CriterionSuggestion::criterion).toList();

    assertThat(codes).containsExactlyInAnyOrder("JEUNE", "QPV", "CAP_BEP");
    assertThat(
            RULES.evaluate(diagnosis(StructureKind.ACI, codes.toArray(String[]::new))).eligible())
        .isTrue();
  }

  @Test
  void ageIsTakenOnTheDiagnosisDate() {
    ProfileFact born = new ProfileFact.BirthDate(LocalDate.of(1999, 10, 2));
    assertThat(RULES.suggest(List.of(born), LocalDate.of(2025, 10, 1)))
        .extracting(CriterionSuggestion::criterion)
        .containsExactly("JEUNE");
    assertThat(RULES.suggest(List.of(born), LocalDate.of(2025, 10, 2))).isEmpty();
    assertThat(
            RULES.suggest(
                List.of(new ProfileFact.BirthDate(LocalDate.of(1975, 10, 1))),
                LocalDate.of(2025, 10, 1)))
        .extracting(CriterionSuggestion::criterion)
        .containsExactly("SENIOR");
  }

  @Test
  void jobseekerDurationSuggestsDeldThenDetld() {
    assertThat(RULES.suggest(List.of(new ProfileFact.JobseekerSince(DAY.minusMonths(11))), DAY))
        .isEmpty();
    assertThat(RULES.suggest(List.of(new ProfileFact.JobseekerSince(DAY.minusMonths(12))), DAY))
        .extracting(CriterionSuggestion::criterion)
        .containsExactly("DELD");
    assertThat(RULES.suggest(List.of(new ProfileFact.JobseekerSince(DAY.minusMonths(24))), DAY))
        .extracting(CriterionSuggestion::criterion)
        .containsExactly("DETLD");
  }

  @Test
  void educationAboveCapBepSuggestsNothing() {
    assertThat(RULES.suggest(List.of(new ProfileFact.EducationLevel(4)), DAY)).isEmpty();
  }

  @Test
  void missingAndOutOfDateProofsAreReportedForRetainedCriteria() {
    var d =
        new EligibilityDiagnosis(
            "cip-1",
            DAY,
            StructureKind.ACI,
            List.of("RSA", "QPV"),
            List.of(new SupportingDocument("RSA", DAY.minusYears(2))));

    EligibilityResult r = RULES.evaluate(d);

    assertThat(r.eligible()).isTrue();
    assertThat(r.proofIssues()).hasSize(2);
    assertThat(r.proofIssues())
        .anyMatch(p -> p instanceof ProofIssue.OutOfDate o && o.criterion().equals("RSA"));
    assertThat(r.proofIssues()).contains(new ProofIssue.Missing("QPV"));
    assertThat(r.provenEligible()).isFalse();
  }

  @Test
  void aFreshProofMakesTheEligibilityProven() {
    var d =
        new EligibilityDiagnosis(
            "cip-1",
            DAY,
            StructureKind.ACI,
            List.of("RSA"),
            List.of(new SupportingDocument("RSA", DAY.minusDays(10))));
    assertThat(RULES.evaluate(d).provenEligible()).isTrue();
  }

  @Test
  void aDiagnosisExpiresAfterSixMonthsUnlessAPassIaeRuns() {
    EligibilityDiagnosis d = diagnosis(StructureKind.ACI, "RSA");
    LocalDate lastDay = RULES.evaluate(d).expiresOn();

    assertThat(lastDay).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(RULES.isValidOn(d, lastDay, false)).isTrue();
    assertThat(RULES.isValidOn(d, lastDay.plusDays(1), false)).isFalse();
    assertThat(RULES.isValidOn(d, lastDay.plusYears(1), true)).isTrue();
    assertThat(RULES.isValidOn(d, DAY.minusDays(1), true)).isFalse();
  }

  @Test
  void unknownCriteriaAreRefusedNamingTheCode() {
    assertThatThrownBy(() -> RULES.evaluate(diagnosis(StructureKind.ACI, "RSA", "LOTTERY")))
        .hasMessageContaining("LOTTERY")
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ELIGIBILITY_UNKNOWN_CRITERION);
    assertThatThrownBy(() -> RULES.suggest(List.of(new ProfileFact.Declared("XYZ")), DAY))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ELIGIBILITY_UNKNOWN_CRITERION);
  }

  @Test
  void aQpvCodeMustHaveTheOfficialShape() {
    assertThatThrownBy(() -> new ProfileFact.PriorityNeighbourhoodResidence("92012"))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }
}

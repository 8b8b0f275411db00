package org.tremplin.core.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.exit.ExitClassification;
import org.tremplin.api.exit.ExitSituation;

/**
 * DOMAIN.md, Exits: durable = CDI, CDD or temporary work of 6 months or more, civil service,
 * business creation; transition = CDD or temporary work under 6 months, subsidised contract;
 * positive = qualifying training, another insertion structure; other = job seeking, inactive, no
 * news; neutralised = health, moving, death, retirement, detention. Dynamic = durable + transition
 * + positive.
 */
class ReferenceExitRulesTest {
  private static final ReferenceExitRules RULES = new ReferenceExitRules();

  @ParameterizedTest
  @CsvSource({
    "CDI, EMPLOI_DURABLE, true",
    "FONCTION_PUBLIQUE, EMPLOI_DURABLE, true",
    "CREATION_ENTREPRISE, EMPLOI_DURABLE, true",
    "CONTRAT_AIDE, EMPLOI_TRANSITION, true",
    "FORMATION_QUALIFIANTE, SORTIE_POSITIVE, true",
    "AUTRE_SIAE, SORTIE_POSITIVE, true",
    "RECHERCHE_EMPLOI, AUTRE_SORTIE, false",
    "INACTIF, AUTRE_SORTIE, false",
    "SANS_NOUVELLES, AUTRE_SORTIE, false",
    "SANTE, NEUTRALISEE, false",
    "DEMENAGEMENT, NEUTRALISEE, false",
    "DECES, NEUTRALISEE, false",
    "RETRAITE, NEUTRALISEE, false",
    "DETENTION, NEUTRALISEE, false"
  })
  void classifiesEachSituationAsTheFundersDo(
      ExitSituation situation, ExitCategory category, boolean dynamic) {
    ExitClassification c = RULES.classify(situation);
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.dynamic()).isEqualTo(dynamic);
  }

  @ParameterizedTest
  @CsvSource({
    "CDD, 6, EMPLOI_DURABLE",
    "CDD, 5, EMPLOI_TRANSITION",
    "INTERIM, 12, EMPLOI_DURABLE",
    "INTERIM, 1, EMPLOI_TRANSITION"
  })
  void aFixedTermContractIsDurableFromSixMonths(
      ExitSituation situation, int months, ExitCategory category) {
    assertThat(RULES.classify(situation, months).category()).isEqualTo(category);
    assertThat(RULES.classify(situation, months).dynamic()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = ExitSituation.class,
      names = {"CDD", "INTERIM"})
  void aFixedTermContractWithoutItsLengthCannotBeClassified(ExitSituation situation) {
    assertThatThrownBy(() -> RULES.classify(situation))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.EXIT_CONTRACT_LENGTH_REQUIRED);
  }

  @Test
  void refusesALengthThatIsNotAPositiveNumberOfMonths() {
    assertThatThrownBy(() -> RULES.classify(ExitSituation.CDD, 0))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Property
  void theLengthOnlyMattersForFixedTermContracts(
      @ForAll ExitSituation situation, @ForAll @IntRange(min = 1, max = 600) int months) {
    ExitClassification withLength = RULES.classify(situation, months);
    if (situation == ExitSituation.CDD || situation == ExitSituation.INTERIM) {
      assertThat(withLength.category())
          .isEqualTo(months >= 6 ? ExitCategory.EMPLOI_DURABLE : ExitCategory.EMPLOI_TRANSITION);
    } else {
      assertThat(withLength).isEqualTo(RULES.classify(situation));
    }
    assertThat(withLength.dynamic())
        .isEqualTo(
            withLength.category() != ExitCategory.AUTRE_SORTIE
                && withLength.category() != ExitCategory.NEUTRALISEE);
  }
}

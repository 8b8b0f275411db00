package org.tremplin.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.ContractAssessment;
import org.tremplin.api.contract.ContractFinding;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.PassStatus;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.eligibility.StructureKind;

/**
 * Code du travail L5132-15-1: a CDDI lasts at least 4 months, renewable up to 24 months in all (60
 * in an ACI for serious difficulties), 20 to 35 hours a week. PASS IAE: 730 days, extended by
 * suspensions and prolongations, then a 2-year waiting period.
 */
class ReferenceContractRulesTest {
  private static final ReferenceContractRules RULES = new ReferenceContractRules();
  private static final LocalDate START = LocalDate.of(2025, 9, 1);

  private static InsertionContract contract(
      StructureKind kind,
      LocalDate end,
      int hours,
      List<ContractAmendment> renewals,
      String reason) {
    return new InsertionContract(kind, START, end, hours, renewals, List.of(), reason);
  }

  private static ContractAssessment assess(InsertionContract c) {
    return RULES.assess(c, START);
  }

  @Test
  void aFourMonthContractOfTwentySixHoursIsValid() {
    ContractAssessment a =
        assess(contract(StructureKind.ACI, LocalDate.of(2025, 12, 31), 26, List.of(), ""));
    assertThat(a.valid()).isTrue();
    assertThat(a.capEnd()).isEqualTo(LocalDate.of(2027, 8, 31));
    assertThat(a.capMonths()).isEqualTo(24);
  }

  @Test
  void aPeriodUnderFourMonthsIsRefusedEvenForARenewal() {
    ContractAssessment shortInitial =
        assess(contract(StructureKind.ACI, LocalDate.of(2025, 12, 30), 26, List.of(), ""));
    ContractAssessment shortRenewal =
        assess(
            contract(
                StructureKind.ACI,
                LocalDate.of(2025, 12, 31),
                26,
                List.of(
                    new ContractAmendment(
                        LocalDate.of(2025, 12, 1), LocalDate.of(2026, 3, 31), 26)),
                ""));
    assertThat(shortInitial.findings())
        .hasOnlyElementsOfType(ContractFinding.PeriodTooShort.class)
        .hasSize(1);
    assertThat(shortRenewal.findings())
        .containsExactly(
            new ContractFinding.PeriodTooShort(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 4));
  }

  @Test
  void weeklyHoursMustStayBetweenTwentyAndThirtyFive() {
    assertThat(
            assess(contract(StructureKind.EI, LocalDate.of(2026, 2, 28), 19, List.of(), ""))
                .findings())
        .containsExactly(new ContractFinding.WeeklyHoursOutOfRange(19, 20, 35));
    assertThat(
            assess(contract(StructureKind.EI, LocalDate.of(2026, 2, 28), 35, List.of(), ""))
                .valid())
        .isTrue();
    assertThat(
            assess(contract(StructureKind.EI, LocalDate.of(2026, 2, 28), 36, List.of(), ""))
                .valid())
        .isFalse();
  }

  @Test
  void renewalsMayNotGoPastTwentyFourMonths() {
    List<ContractAmendment> renewals =
        List.of(
            new ContractAmendment(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 12, 31), 26),
            new ContractAmendment(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 9, 30), 26));
    ContractAssessment a =
        assess(contract(StructureKind.ACI, LocalDate.of(2026, 2, 28), 26, renewals, ""));
    assertThat(a.findings())
        .containsExactly(
            new ContractFinding.TotalTooLong(
                LocalDate.of(2027, 9, 30), LocalDate.of(2027, 8, 31), 24));
  }

  @Test
  void anAciWithARecordedReasonMayGoUpToSixtyMonthsButNoOtherStructure() {
    List<ContractAmendment> renewals =
        List.of(new ContractAmendment(LocalDate.of(2027, 8, 1), LocalDate.of(2029, 8, 31), 26));
    LocalDate end = LocalDate.of(2027, 8, 31);
    assertThat(
            assess(
                    contract(
                        StructureKind.ACI,
                        end,
                        26,
                        renewals,
                        "difficultés particulièrement importantes"))
                .valid())
        .isTrue();
    assertThat(assess(contract(StructureKind.ACI, end, 26, renewals, "")).valid()).isFalse();
    assertThat(assess(contract(StructureKind.EI, end, 26, renewals, "difficultés")).valid())
        .isFalse();
  }

  @Test
  void aRenewalThatDoesNotExtendTheContractIsRefused() {
    List<ContractAmendment> renewals =
        List.of(new ContractAmendment(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31), 26));
    assertThat(
            assess(contract(StructureKind.ACI, LocalDate.of(2025, 12, 31), 26, renewals, ""))
                .findings())
        .containsExactly(
            new ContractFinding.RenewalDoesNotExtend(
                LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31)));
  }

  @Test
  void warnsFortyFiveDaysBeforeTheEndButNotBefore() {
    InsertionContract c = contract(StructureKind.ACI, LocalDate.of(2026, 2, 28), 26, List.of(), "");
    assertThat(RULES.assess(c, LocalDate.of(2026, 1, 14)).findings())
        .containsExactly(new ContractFinding.EndingSoon(LocalDate.of(2026, 2, 28), 45));
    assertThat(RULES.assess(c, LocalDate.of(2026, 1, 13)).findings()).isEmpty();
    assertThat(RULES.assess(c, LocalDate.of(2026, 3, 1)).findings()).isEmpty();
  }

  @Test
  void aPassIaeLastsSevenHundredThirtyDaysPlusSuspensionsAndProlongations() {
    PassIae plain = new PassIae("999992512345", START, List.of(), List.of());
    PassIae extended =
        new PassIae(
            "999992512345",
            START,
            List.of(
                new Suspension(DateRange.parse("2026-03-02/2026-03-31"), "stage en entreprise")),
            List.of(new PassProlongation(60, "formation en cours")));

    PassStatus p = RULES.status(plain, START);
    PassStatus e = RULES.status(extended, START);

    assertThat(p.end()).isEqualTo(LocalDate.of(2027, 8, 31));
    assertThat(p.running()).isTrue();
    assertThat(p.renewableFrom()).isEqualTo(LocalDate.of(2029, 9, 1));
    assertThat(e.end()).isEqualTo(LocalDate.of(2027, 8, 31).plusDays(30 + 60));
    assertThat(RULES.status(plain, LocalDate.of(2027, 9, 1)).running()).isFalse();
    assertThat(RULES.status(plain, LocalDate.of(2027, 7, 20)).findings())
        .containsExactly(new ContractFinding.EndingSoon(LocalDate.of(2027, 8, 31), 42));
  }
}

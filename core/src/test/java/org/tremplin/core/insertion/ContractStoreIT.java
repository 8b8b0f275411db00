package org.tremplin.core.insertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.ContractFinding;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.insertion.AssessedContract;
import org.tremplin.api.insertion.AssessedPass;
import org.tremplin.api.insertion.InsertionPathService;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * CDDI and PASS IAE, stored. Regulation: a CDDI lasts at least 4 months, renewable up to 24 months
 * (60 in an ACI for serious difficulties), 20–35 h/week, and may be suspended; a PASS IAE lasts 730
 * days, extended by suspensions and prolongations. Amendments append; nothing is overwritten.
 */
class ContractStoreIT {
  private static final LocalDate HIRE = CohortFixture.START;

  private static InsertionPathService path(CohortFixture f) {
    f.tremplin.referents().assign(f.manager, f.learner(0).id(), "coach-1", HIRE);
    return f.tremplin.insertion();
  }

  private static InsertionContract fourMonths() {
    return new InsertionContract(
        StructureKind.ACI, HIRE, LocalDate.of(2025, 12, 31), 26, List.of(), List.of(), "");
  }

  private static ErrorCode code(Throwable e) {
    return ((TremplinException) e).code();
  }

  @AllDatabases
  void aContractWithItsAmendmentsRoundTripsAndIsAssessedOnTheDayAsked(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    InsertionPathService path = path(f);
    LearnerId l = f.learner(0).id();
    assertThat(path.contract(f.coach, f.cohort.id(), l, HIRE)).isEmpty();

    AssessedContract signed = path.recordContract(f.coach, f.cohort.id(), l, fourMonths());
    assertThat(signed.assessment().valid()).isTrue();
    // Recorded on 9 Jan 2026: the initial contract ended on 31 Dec; a renewal is signed.
    ContractAmendment renewal =
        new ContractAmendment(LocalDate.of(2025, 12, 15), LocalDate.of(2026, 6, 30), 30);
    Suspension placement =
        new Suspension(DateRange.parse("2026-05-04/2026-05-29"), "company placement");
    path.renewContract(f.coach, f.cohort.id(), l, renewal);
    AssessedContract amended = path.suspendContract(f.manager, f.cohort.id(), l, placement);

    InsertionContract expected =
        new InsertionContract(
            StructureKind.ACI,
            HIRE,
            LocalDate.of(2025, 12, 31),
            26,
            List.of(renewal),
            List.of(placement),
            "");
    assertThat(amended.contract()).isEqualTo(expected);
    AssessedContract read =
        path.contract(f.coach, f.cohort.id(), l, LocalDate.of(2026, 6, 1)).orElseThrow();
    assertThat(read.contract()).isEqualTo(expected);
    assertThat(read.assessment().end()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(read.assessment().valid()).isTrue();
    assertThat(read.assessment().findings())
        .containsExactly(new ContractFinding.EndingSoon(LocalDate.of(2026, 6, 30), 29));
    assertThat(f.rows("tremplin_contract_renewal")).isEqualTo(1);
    assertThat(f.rows("tremplin_suspension")).isEqualTo(1);
  }

  @AllDatabases
  void aSecondContractIsRefusedAndAnAmendmentNeedsAContract(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    InsertionPathService path = path(f);
    LearnerId l = f.learner(0).id();
    ContractAmendment renewal = new ContractAmendment(HIRE, LocalDate.of(2026, 6, 30), 26);
    assertThatThrownBy(() -> path.renewContract(f.coach, f.cohort.id(), l, renewal))
        .extracting(ContractStoreIT::code)
        .isEqualTo(ErrorCode.CONTRACT_NOT_RECORDED);
    path.recordContract(f.coach, f.cohort.id(), l, fourMonths());
    assertThatThrownBy(() -> path.recordContract(f.coach, f.cohort.id(), l, fourMonths()))
        .extracting(ContractStoreIT::code)
        .isEqualTo(ErrorCode.CONTRACT_ALREADY_RECORDED);
    assertThat(f.rows("tremplin_insertion_contract")).isEqualTo(1);
    assertThat(f.rows("tremplin_contract_renewal")).isZero();
  }

  @AllDatabases
  void aPassWithSuspensionsAndProlongationsRoundTripsWithItsEndAndWarnings(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    InsertionPathService path = path(f);
    LearnerId l = f.learner(0).id();
    Suspension trialJob = new Suspension(DateRange.parse("2025-10-06/2025-10-15"), "trial job");
    PassProlongation training = new PassProlongation(30, "training in progress");
    AssessedPass issued =
        path.recordPass(
            f.coach,
            f.cohort.id(),
            l,
            new PassIae("999992512345", HIRE, List.of(trialJob), List.of()));
    assertThat(issued.status().end()).isEqualTo(LocalDate.of(2027, 9, 10));

    AssessedPass prolonged = path.prolongPass(f.coach, f.cohort.id(), l, training);
    assertThat(prolonged.pass())
        .isEqualTo(new PassIae("999992512345", HIRE, List.of(trialJob), List.of(training)));
    AssessedPass read =
        path.pass(f.manager, f.cohort.id(), l, LocalDate.of(2027, 9, 1)).orElseThrow();
    assertThat(read.pass()).isEqualTo(prolonged.pass());
    assertThat(read.status().end()).isEqualTo(LocalDate.of(2027, 10, 10));
    assertThat(read.status().running()).isTrue();
    assertThat(read.status().findings())
        .containsExactly(new ContractFinding.EndingSoon(LocalDate.of(2027, 10, 10), 39));
    assertThatThrownBy(
            () ->
                path.recordPass(
                    f.coach, f.cohort.id(), l, new PassIae("1", HIRE, List.of(), List.of())))
        .extracting(ContractStoreIT::code)
        .isEqualTo(ErrorCode.PASS_ALREADY_RECORDED);
    assertThat(f.rows("tremplin_pass_iae")).isEqualTo(1);
  }

  @AllDatabases
  void aLearnerOutsideTheCohortIsRefused(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var outsider = f.newcomer("Inès", "Haddad");
    assertThatThrownBy(
            () ->
                f.tremplin
                    .insertion()
                    .recordContract(f.manager, f.cohort.id(), outsider.id(), fourMonths()))
        .extracting(ContractStoreIT::code)
        .isEqualTo(ErrorCode.LEARNER_NOT_ENROLLED);
    assertThat(f.rows("tremplin_insertion_contract")).isZero();
  }
}

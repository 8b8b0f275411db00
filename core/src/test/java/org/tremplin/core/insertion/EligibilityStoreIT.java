package org.tremplin.core.insertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.eligibility.CriterionSuggestion;
import org.tremplin.api.eligibility.EligibilityResult;
import org.tremplin.api.eligibility.ProfileFact;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.eligibility.SupportingDocument;
import org.tremplin.api.insertion.EligibilityProfile;
import org.tremplin.api.insertion.InsertionPathService;
import org.tremplin.api.insertion.NewDiagnosis;
import org.tremplin.api.insertion.PriorityNeighbourhoodCheck;
import org.tremplin.api.insertion.RecordedDiagnosis;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * Eligibility profiles and diagnoses, stored. Regulation (criteria list of 1 Sept 2021, revised 4
 * Sept 2025): eligible with one level-1 criterion, or at least 3 level-2 criteria in an ACI, EI or
 * EITI (2 in an AI or ETTI); a diagnosis expires after 6 months unless a PASS IAE runs.
 */
class EligibilityStoreIT {
  private static final LocalDate HIRE = CohortFixture.START;
  private static final LocalDate PROOFS = LocalDate.of(2025, 8, 28);

  private static InsertionPathService path(CohortFixture f) {
    f.tremplin.referents().assign(f.manager, f.learner(0).id(), "coach-1", HIRE);
    return f.tremplin.insertion();
  }

  private static EligibilityProfile youngQpvResidentWithoutTheBac() {
    return new EligibilityProfile(
        List.of(
            new ProfileFact.BirthDate(LocalDate.of(2003, 5, 10)),
            new ProfileFact.EducationLevel(3)),
        List.of(new PriorityNeighbourhoodCheck("QP092012", "2024", PROOFS)));
  }

  private static NewDiagnosis aciDiagnosis(LocalDate on, List<String> criteria) {
    return new NewDiagnosis(
        on,
        StructureKind.ACI,
        criteria,
        criteria.stream().map(c -> new SupportingDocument(c, PROOFS)).toList());
  }

  @AllDatabases
  void aProfileRoundTripsAndItsNewestVersionIsTheProfile(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    InsertionPathService path = path(f);
    LearnerId l = f.learner(0).id();
    assertThat(path.profile(f.coach, f.cohort.id(), l)).isEmpty();

    EligibilityProfile first =
        new EligibilityProfile(
            List.of(
                new ProfileFact.BirthDate(LocalDate.of(1970, 1, 31)),
                new ProfileFact.EducationLevel(5),
                new ProfileFact.JobseekerSince(LocalDate.of(2023, 3, 1)),
                new ProfileFact.Declared("RSA"),
                new ProfileFact.Declared("TH")),
            List.of(
                new PriorityNeighbourhoodCheck("QP092012", "2015", PROOFS),
                new PriorityNeighbourhoodCheck("QP092013", "2024", PROOFS)));
    path.recordProfile(f.coach, f.cohort.id(), l, first);
    assertThat(path.profile(f.coach, f.cohort.id(), l)).contains(first);

    EligibilityProfile second = youngQpvResidentWithoutTheBac();
    path.recordProfile(f.manager, f.cohort.id(), l, second);
    assertThat(path.profile(f.coach, f.cohort.id(), l)).contains(second);
    assertThat(f.rows("tremplin_eligibility_profile")).isEqualTo(2);
  }

  @AllDatabases
  void aYoungQpvResidentWithoutTheBacIsEligibleInAnAciFromTheStoredProfile(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    InsertionPathService path = path(f);
    LearnerId l = f.learner(0).id();
    path.recordProfile(f.coach, f.cohort.id(), l, youngQpvResidentWithoutTheBac());

    List<String> suggested =
        path.suggest(f.coach, f.cohort.id(), l, HIRE).stream()
            .map(CriterionSuggestion::criterion)
            .toList();
    assertThat(suggested).containsExactlyInAnyOrder("JEUNE", "CAP_BEP", "QPV");

    RecordedDiagnosis d =
        path.recordDiagnosis(f.coach, f.cohort.id(), l, aciDiagnosis(HIRE, suggested));
    EligibilityResult r = d.result();
    assertThat(r.eligible()).isTrue();
    assertThat(r.provenEligible()).isTrue();
    assertThat(r.level2()).containsExactlyInAnyOrder("JEUNE", "CAP_BEP", "QPV");
    assertThat(r.level2Required()).isEqualTo(3);
    assertThat(d.diagnosis().author()).isEqualTo("coach-1");

    assertThat(path.diagnoses(f.manager, f.cohort.id(), l)).containsExactly(d);
  }

  @AllDatabases
  void aSuggestionWithoutProfileIsEmpty(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    assertThat(path(f).suggest(f.coach, f.cohort.id(), f.learner(0).id(), HIRE)).isEmpty();
  }

  @AllDatabases
  void diagnosesRoundTripOldestFirstWithMissingProofsReported(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    InsertionPathService path = path(f);
    LearnerId l = f.learner(0).id();
    RecordedDiagnosis withoutProof =
        path.recordDiagnosis(
            f.manager,
            f.cohort.id(),
            l,
            new NewDiagnosis(HIRE.plusDays(10), StructureKind.AI, List.of("RSA"), List.of()));
    RecordedDiagnosis proven =
        path.recordDiagnosis(f.coach, f.cohort.id(), l, aciDiagnosis(HIRE, List.of("RSA")));

    List<RecordedDiagnosis> stored = path.diagnoses(f.coach, f.cohort.id(), l);
    assertThat(stored).containsExactly(proven, withoutProof);
    assertThat(stored.get(1).diagnosis().author()).isEqualTo("manager-1");
    assertThat(stored.get(1).result().eligible()).isTrue();
    assertThat(stored.get(1).result().provenEligible()).isFalse();
    assertThat(f.rows("tremplin_diagnosis_proof")).isEqualTo(1);
  }

  @AllDatabases
  void anUnknownCriterionOrAFutureDateIsRefusedAndNothingIsWritten(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    InsertionPathService path = path(f);
    LearnerId l = f.learner(0).id();
    assertThatThrownBy(
            () -> path.recordDiagnosis(f.coach, f.cohort.id(), l, aciDiagnosis(HIRE, List.of("X"))))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ELIGIBILITY_UNKNOWN_CRITERION);
    assertThatThrownBy(
            () ->
                path.recordDiagnosis(
                    f.coach,
                    f.cohort.id(),
                    l,
                    aciDiagnosis(LocalDate.of(2026, 1, 10), List.of("RSA"))))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INSERTION_DATE_IN_FUTURE);
    assertThat(f.rows("tremplin_eligibility_diagnosis")).isZero();
  }

  @AllDatabases
  void aDiagnosisIsCurrentForSixMonthsThenExpires(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    InsertionPathService path = path(f);
    LearnerId l = f.learner(0).id();
    RecordedDiagnosis d =
        path.recordDiagnosis(f.coach, f.cohort.id(), l, aciDiagnosis(HIRE, List.of("RSA")));
    assertThat(d.result().expiresOn()).isEqualTo(LocalDate.of(2026, 2, 28));

    assertThat(path.currentDiagnosis(f.coach, f.cohort.id(), l, HIRE.minusDays(1))).isEmpty();
    assertThat(path.currentDiagnosis(f.coach, f.cohort.id(), l, HIRE)).contains(d);
    assertThat(path.currentDiagnosis(f.coach, f.cohort.id(), l, LocalDate.of(2026, 2, 28)))
        .contains(d);
    assertThat(path.currentDiagnosis(f.coach, f.cohort.id(), l, LocalDate.of(2026, 3, 1)))
        .isEmpty();
  }

  @AllDatabases
  void theNewestValidDiagnosisIsCurrent(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    InsertionPathService path = path(f);
    LearnerId l = f.learner(0).id();
    path.recordDiagnosis(f.coach, f.cohort.id(), l, aciDiagnosis(HIRE, List.of("RSA")));
    RecordedDiagnosis newer =
        path.recordDiagnosis(
            f.coach, f.cohort.id(), l, aciDiagnosis(LocalDate.of(2025, 11, 3), List.of("ASS")));
    assertThat(path.currentDiagnosis(f.coach, f.cohort.id(), l, LocalDate.of(2025, 12, 1)))
        .contains(newer);
    assertThat(path.currentDiagnosis(f.coach, f.cohort.id(), l, LocalDate.of(2025, 10, 1)))
        .map(c -> c.diagnosis().criteria())
        .contains(List.of("RSA"));
  }

  @AllDatabases
  void aDiagnosisStaysCurrentWhileThePassIaeRuns(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    InsertionPathService path = path(f);
    LearnerId l = f.learner(0).id();
    RecordedDiagnosis d =
        path.recordDiagnosis(f.coach, f.cohort.id(), l, aciDiagnosis(HIRE, List.of("RSA")));
    path.recordPass(
        f.coach, f.cohort.id(), l, new PassIae("999992512345", HIRE, List.of(), List.of()));

    // The PASS runs 730 days: 1 Sept 2025 to 31 Aug 2027.
    assertThat(path.currentDiagnosis(f.coach, f.cohort.id(), l, LocalDate.of(2026, 3, 1)))
        .contains(d);
    assertThat(path.currentDiagnosis(f.coach, f.cohort.id(), l, LocalDate.of(2027, 8, 31)))
        .contains(d);
    assertThat(path.currentDiagnosis(f.coach, f.cohort.id(), l, LocalDate.of(2027, 9, 1)))
        .isEmpty();
  }
}

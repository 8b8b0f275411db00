package org.tremplin.core.funder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.funder.CertificationOutcome;
import org.tremplin.api.funder.CertificationResult;
import org.tremplin.api.funder.DeclaredSex;
import org.tremplin.api.funder.DiplomaLevel;
import org.tremplin.api.funder.FunderFacts;
import org.tremplin.api.funder.FunderFactsService;
import org.tremplin.core.internal.Json;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * What funders count on a learner, stored: declared at entry and dated, versions appended, checked
 * like the insertion path, exported and erased with the learner (the erasure keeps what reports
 * count, and the age at entry).
 */
class FunderFactsIT {
  private static final FunderFacts AT_ENTRY =
      new FunderFacts(
          CohortFixture.START,
          DeclaredSex.FEMALE,
          LocalDate.of(2001, 3, 14),
          DiplomaLevel.CAP_BEP,
          true,
          true,
          false);

  private static ErrorCode code(Throwable e) {
    return ((TremplinException) e).code();
  }

  @AllDatabases
  void declaredFactsAreReadBackAndANewDeclarationAppendsAVersion(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    FunderFactsService facts = f.tremplin.funderFacts();
    LearnerId l = f.learner(0).id();
    assertThat(facts.facts(f.manager, f.cohort.id(), l)).isEmpty();

    facts.declare(f.manager, f.cohort.id(), l, AT_ENTRY);
    assertThat(facts.facts(f.manager, f.cohort.id(), l)).contains(AT_ENTRY);
    assertThat(facts.facts(f.asLearner(0), f.cohort.id(), l)).contains(AT_ENTRY);
    assertThat(AT_ENTRY.ageOn(CohortFixture.START)).isEqualTo(24);

    FunderFacts corrected =
        new FunderFacts(
            CohortFixture.START,
            DeclaredSex.NOT_DECLARED,
            LocalDate.of(2001, 3, 14),
            DiplomaLevel.BAC,
            false,
            true,
            true);
    facts.declare(f.manager, f.cohort.id(), l, corrected);
    assertThat(facts.facts(f.manager, f.cohort.id(), l)).contains(corrected);
    assertThat(f.rows("tremplin_funder_facts")).isEqualTo(2);
  }

  @AllDatabases
  void certificationResultsKeepTheBlocksOfAPartialResult(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    FunderFactsService facts = f.tremplin.funderFacts();
    LearnerId l = f.learner(0).id();
    CertificationResult partial =
        new CertificationResult(
            LocalDate.of(2025, 12, 15), CertificationOutcome.PARTIAL, List.of("RNCP37674BC01"));
    facts.recordCertification(f.manager, f.cohort.id(), l, partial);
    assertThat(facts.certification(f.manager, f.cohort.id(), l)).contains(partial);

    CertificationResult full =
        new CertificationResult(
            LocalDate.of(2026, 1, 8), CertificationOutcome.FULL_TITLE, List.of());
    facts.recordCertification(f.manager, f.cohort.id(), l, full);
    assertThat(facts.certification(f.manager, f.cohort.id(), l)).contains(full);

    assertThatThrownBy(
            () ->
                new CertificationResult(
                    LocalDate.of(2026, 1, 8), CertificationOutcome.PARTIAL, List.of()))
        .extracting(FunderFactsIT::code)
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThatThrownBy(
            () ->
                new CertificationResult(
                    LocalDate.of(2026, 1, 8), CertificationOutcome.FAILED, List.of("BC01")))
        .extracting(FunderFactsIT::code)
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @AllDatabases
  void aCohortsFactsAndResultsAreReadInOneCallEachAsTheSingleReadsReadThemAndAudited(
      TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 3);
    FunderFactsService facts = f.tremplin.funderFacts();
    LearnerId first = f.learner(0).id();
    LearnerId second = f.learner(1).id();
    facts.declare(f.manager, f.cohort.id(), first, AT_ENTRY);
    FunderFacts corrected =
        new FunderFacts(
            CohortFixture.START,
            DeclaredSex.FEMALE,
            LocalDate.of(2001, 3, 14),
            DiplomaLevel.BAC,
            true,
            true,
            false);
    facts.declare(f.manager, f.cohort.id(), first, corrected);
    facts.declare(f.manager, f.cohort.id(), second, AT_ENTRY);
    CertificationResult full =
        new CertificationResult(
            LocalDate.of(2026, 1, 8), CertificationOutcome.FULL_TITLE, List.of());
    facts.recordCertification(f.manager, f.cohort.id(), second, full);
    int audited = f.rows("tremplin_audit");

    assertThat(facts.factsOfCohort(f.manager, f.cohort.id()))
        .containsOnly(Map.entry(first, corrected), Map.entry(second, AT_ENTRY));
    assertThat(facts.certificationsOfCohort(f.manager, f.cohort.id()))
        .containsOnly(Map.entry(second, full));
    assertThat(f.rows("tremplin_audit")).isEqualTo(audited + 3); // one per learner returned
    // a learner may not read the cohort; a trainer reads the cohort but no one's facts
    assertThatThrownBy(() -> facts.factsOfCohort(f.asLearner(0), f.cohort.id()))
        .extracting(FunderFactsIT::code)
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThat(facts.factsOfCohort(f.trainer, f.cohort.id())).isEmpty();
    assertThat(facts.certificationsOfCohort(f.trainer, f.cohort.id())).isEmpty();
    assertThat(f.rows("tremplin_audit")).isEqualTo(audited + 3);
  }

  @AllDatabases
  void aTrainerNeitherReadsNorWritesFunderFactsAndARefusalWritesNothing(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    FunderFactsService facts = f.tremplin.funderFacts();
    LearnerId l = f.learner(0).id();
    assertThatThrownBy(() -> facts.declare(f.trainer, f.cohort.id(), l, AT_ENTRY))
        .extracting(FunderFactsIT::code)
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(() -> facts.declare(f.asLearner(0), f.cohort.id(), l, AT_ENTRY))
        .extracting(FunderFactsIT::code)
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(() -> facts.facts(f.trainer, f.cohort.id(), l))
        .extracting(FunderFactsIT::code)
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(() -> facts.markTestAccount(f.trainer, f.cohort.id(), l, true))
        .extracting(FunderFactsIT::code)
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThat(f.rows("tremplin_funder_facts")).isZero();
    assertThat(f.rows("tremplin_test_account")).isZero();

    LearnerId notEnrolled = f.newcomer("Hors", "Promo").id();
    assertThatThrownBy(() -> facts.declare(f.manager, f.cohort.id(), notEnrolled, AT_ENTRY))
        .extracting(FunderFactsIT::code)
        .isEqualTo(ErrorCode.LEARNER_NOT_ENROLLED);
    assertThat(f.rows("tremplin_funder_facts")).isZero();
  }

  @AllDatabases
  void aTestAccountMarkIsSetOnceAndRemoved(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    FunderFactsService facts = f.tremplin.funderFacts();
    LearnerId l = f.learner(0).id();
    assertThat(facts.isTestAccount(f.trainer, f.cohort.id(), l)).isFalse();
    facts.markTestAccount(f.coach, f.cohort.id(), l, true);
    facts.markTestAccount(f.manager, f.cohort.id(), l, true);
    assertThat(facts.isTestAccount(f.trainer, f.cohort.id(), l)).isTrue();
    assertThat(f.rows("tremplin_test_account")).isEqualTo(1);
    facts.markTestAccount(f.manager, f.cohort.id(), l, false);
    assertThat(facts.isTestAccount(f.manager, f.cohort.id(), l)).isFalse();
  }

  @AllDatabases
  void factsAreExportedAndTheErasureKeepsTheAgeAtEntryButNotTheBirthDate(TestDatabase db)
      throws Exception {
    CohortFixture f = CohortFixture.on(db, 1);
    FunderFactsService facts = f.tremplin.funderFacts();
    LearnerId l = f.learner(0).id();
    facts.declare(f.manager, f.cohort.id(), l, AT_ENTRY);
    facts.recordCertification(
        f.manager,
        f.cohort.id(),
        l,
        new CertificationResult(
            LocalDate.of(2026, 1, 8), CertificationOutcome.FULL_TITLE, List.of()));

    JsonNode export = Json.mapper().readTree(f.tremplin.privacy().export(f.manager, l));
    assertThat(export.get("funderFacts").get(0).get("birth_date").asText()).isEqualTo("2001-03-14");
    assertThat(export.get("funderFacts").get(0).get("diploma_level").asInt()).isEqualTo(3);
    assertThat(export.get("certificationResults").get(0).get("outcome").asText())
        .isEqualTo("FULL_TITLE");

    f.tremplin.privacy().erase(f.manager, l);
    FunderFacts kept = facts.facts(f.manager, f.cohort.id(), l).orElseThrow();
    assertThat(kept.birthDate()).isNotEqualTo(AT_ENTRY.birthDate());
    assertThat(kept.ageOn(CohortFixture.START)).isEqualTo(24);
    assertThat(kept.sex()).isEqualTo(DeclaredSex.FEMALE);
    assertThat(kept.diplomaLevel()).isEqualTo(DiplomaLevel.CAP_BEP);
    assertThat(kept.qpvResident()).isTrue();
    assertThat(kept.neetAtEntry()).isTrue();
    assertThat(f.tremplin.privacy().export(f.manager, l)).doesNotContain("2001-03-14");
    assertThat(facts.certification(f.manager, f.cohort.id(), l)).isPresent();
  }
}

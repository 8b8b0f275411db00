package org.tremplin.core.insertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.Exit;
import org.tremplin.api.insertion.FollowUp;
import org.tremplin.api.insertion.InsertionPathService;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.api.insertion.NewFollowUp;
import org.tremplin.core.Tremplin;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * Exits and their follow-up, stored. Regulation (DOMAIN.md, Exits): the category is derived from
 * the situation, never typed in — CDI, CDD or temporary work of 6 months or more, civil service and
 * business creation are durable employment; shorter contracts and subsidised contracts are
 * transition employment; training and another insertion structure are positive exits; health,
 * moving, death, retirement and detention are neutralised. The situation 6 months after the exit is
 * followed up.
 */
class ExitStoreIT {
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 9);

  private static InsertionPathService path(CohortFixture f) {
    f.tremplin.referents().assign(f.manager, f.learner(0).id(), "coach-1", CohortFixture.START);
    return f.tremplin.insertion();
  }

  private static ErrorCode code(Throwable e) {
    return ((TremplinException) e).code();
  }

  /** The same database seen on a later day. */
  private static InsertionPathService on(CohortFixture f, String instant) {
    return Tremplin.create(f.dataSource, Clock.fixed(Instant.parse(instant), CohortFixture.PARIS))
        .insertion();
  }

  @AllDatabases
  void aSixMonthCddIsDurableEmploymentStoredWithTheRulesVersion(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    InsertionPathService path = path(f);
    LearnerId l = f.learner(0).id();
    assertThat(path.exit(f.coach, f.cohort.id(), l)).isEmpty();

    Exit recorded =
        path.recordExit(f.coach, f.cohort.id(), l, new NewExit(TODAY, ExitSituation.CDD, 6));
    assertThat(recorded.classification().category()).isEqualTo(ExitCategory.EMPLOI_DURABLE);
    assertThat(recorded.classification().dynamic()).isTrue();
    assertThat(recorded.classification().rulesVersion()).isEqualTo("2021");
    assertThat(recorded.version()).isEqualTo(1);
    assertThat(recorded.recordedBy()).isEqualTo("coach-1");
    assertThat(recorded.followUpDue()).isEqualTo(LocalDate.of(2026, 7, 9));
    assertThat(path.exit(f.manager, f.cohort.id(), l)).contains(recorded);
  }

  @AllDatabases
  void aFiveMonthCddIsTransitionAndACddWithoutLengthIsRefused(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    InsertionPathService path = path(f);
    assertThatThrownBy(
            () ->
                path.recordExit(
                    f.manager,
                    f.cohort.id(),
                    f.learner(1).id(),
                    NewExit.of(TODAY, ExitSituation.INTERIM)))
        .extracting(ExitStoreIT::code)
        .isEqualTo(ErrorCode.EXIT_CONTRACT_LENGTH_REQUIRED);
    assertThatThrownBy(
            () ->
                path.recordExit(
                    f.manager,
                    f.cohort.id(),
                    f.learner(1).id(),
                    NewExit.of(TODAY.plusDays(1), ExitSituation.CDI)))
        .extracting(ExitStoreIT::code)
        .isEqualTo(ErrorCode.INSERTION_DATE_IN_FUTURE);
    assertThat(f.rows("tremplin_exit")).isZero();
    assertThat(
            path.recordExit(
                    f.manager,
                    f.cohort.id(),
                    f.learner(1).id(),
                    new NewExit(TODAY, ExitSituation.CDD, 5))
                .classification()
                .category())
        .isEqualTo(ExitCategory.EMPLOI_TRANSITION);
  }

  @AllDatabases
  void aSecondExitIsRefusedButACorrectionWithAReasonAppendsAVersion(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    InsertionPathService path = path(f);
    LearnerId l = f.learner(0).id();
    assertThatThrownBy(
            () ->
                path.correctExit(
                    f.coach, f.cohort.id(), l, NewExit.of(TODAY, ExitSituation.CDI), "typo"))
        .extracting(ExitStoreIT::code)
        .isEqualTo(ErrorCode.EXIT_NOT_RECORDED);
    Exit first =
        path.recordExit(
            f.coach, f.cohort.id(), l, NewExit.of(TODAY, ExitSituation.RECHERCHE_EMPLOI));
    assertThat(first.classification().category()).isEqualTo(ExitCategory.AUTRE_SORTIE);

    assertThatThrownBy(
            () -> path.recordExit(f.coach, f.cohort.id(), l, NewExit.of(TODAY, ExitSituation.CDI)))
        .extracting(ExitStoreIT::code)
        .isEqualTo(ErrorCode.EXIT_ALREADY_RECORDED);
    assertThat(f.rows("tremplin_exit")).isEqualTo(1);

    Exit corrected =
        path.correctExit(
            f.manager,
            f.cohort.id(),
            l,
            NewExit.of(TODAY.minusDays(2), ExitSituation.FORMATION_QUALIFIANTE),
            "training confirmed by the training centre");
    assertThat(corrected.version()).isEqualTo(2);
    assertThat(corrected.classification().category()).isEqualTo(ExitCategory.SORTIE_POSITIVE);
    assertThat(corrected.correctionReason()).isEqualTo("training confirmed by the training centre");
    assertThat(path.exitHistory(f.coach, f.cohort.id(), l)).containsExactly(first, corrected);
    assertThat(path.exit(f.coach, f.cohort.id(), l)).contains(corrected);
  }

  @AllDatabases
  void theFollowUpIsDueSixMonthsAfterTheExitAndListedUntilRecorded(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    InsertionPathService path = path(f);
    LearnerId l0 = f.learner(0).id();
    LearnerId l1 = f.learner(1).id();
    Exit today = path.recordExit(f.coach, f.cohort.id(), l0, NewExit.of(TODAY, ExitSituation.CDI));
    Exit october =
        path.recordExit(
            f.manager,
            f.cohort.id(),
            l1,
            NewExit.of(LocalDate.of(2025, 10, 15), ExitSituation.RECHERCHE_EMPLOI));

    assertThat(path.followUpsDue(f.manager, f.cohort.id(), LocalDate.of(2026, 4, 14))).isEmpty();
    assertThat(path.followUpsDue(f.manager, f.cohort.id(), LocalDate.of(2026, 4, 15)))
        .containsExactly(october);
    assertThat(path.followUpsDue(f.manager, f.cohort.id(), LocalDate.of(2026, 7, 9)))
        .containsExactly(october, today);
    // A coach sees the follow-ups of their own caseload only.
    assertThat(path.followUpsDue(f.coach, f.cohort.id(), LocalDate.of(2026, 7, 9)))
        .containsExactly(today);

    assertThatThrownBy(
            () ->
                path.recordFollowUp(
                    f.manager, f.cohort.id(), l1, NewFollowUp.of(TODAY, ExitSituation.CDI)))
        .extracting(ExitStoreIT::code)
        .isEqualTo(ErrorCode.FOLLOW_UP_NOT_DUE);

    InsertionPathService inJuly = on(f, "2026-07-10T08:00:00Z");
    FollowUp followUp =
        inJuly.recordFollowUp(
            f.manager,
            f.cohort.id(),
            l1,
            new NewFollowUp(LocalDate.of(2026, 4, 20), ExitSituation.CDD, 3));
    assertThat(followUp.classification().category()).isEqualTo(ExitCategory.EMPLOI_TRANSITION);
    assertThat(inJuly.followUp(f.coach, f.cohort.id(), l0)).isEmpty();
    assertThat(inJuly.followUp(f.manager, f.cohort.id(), l1)).contains(followUp);
    assertThat(inJuly.followUpsDue(f.manager, f.cohort.id(), LocalDate.of(2026, 7, 9)))
        .containsExactly(today);
    assertThatThrownBy(
            () ->
                inJuly.recordFollowUp(
                    f.manager,
                    f.cohort.id(),
                    l1,
                    NewFollowUp.of(LocalDate.of(2026, 7, 1), ExitSituation.CDI)))
        .extracting(ExitStoreIT::code)
        .isEqualTo(ErrorCode.FOLLOW_UP_ALREADY_RECORDED);
    assertThat(f.rows("tremplin_exit_follow_up")).isEqualTo(1);
  }
}

package org.tremplin.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.api.privacy.RetentionPolicy;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** Coaching notes are purged a configurable number of years after the exit, once. */
class RetentionIT {
  private static final LocalDate ON = LocalDate.of(2026, 1, 9);

  private static CohortFixture twoCoachedLearners(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    for (int i = 0; i < 2; i++) {
      var l = f.learner(i).id();
      f.tremplin.referents().assign(f.manager, l, "coach-1", LocalDate.of(2025, 9, 1));
      var m =
          f.tremplin
              .coaching()
              .planMeeting(f.coach, f.cohort.id(), l, LocalDateTime.of(2025, 10, 6, 10, 0), "");
      f.tremplin
          .coaching()
          .recordOutcome(
              f.coach, f.cohort.id(), l, m.id(), new MeetingOutcome.Held("dettes", "secret" + i));
    }
    f.tremplin
        .insertion()
        .recordExit(
            f.coach,
            f.cohort.id(),
            f.learner(0).id(),
            NewExit.of(LocalDate.of(2025, 11, 14), ExitSituation.CDI));
    return f;
  }

  @AllDatabases
  void notesOfLearnersWhoExitedLongEnoughAgoArePurgedOnce(TestDatabase db) {
    CohortFixture f = twoCoachedLearners(db);
    var privacy = f.tremplin.privacy();

    var notYet = privacy.applyRetention(f.manager, f.school.id(), ON, new RetentionPolicy(1));
    var now =
        privacy.applyRetention(f.manager, f.school.id(), ON.plusYears(1), new RetentionPolicy(1));
    var again =
        privacy.applyRetention(f.manager, f.school.id(), ON.plusYears(1), new RetentionPolicy(1));

    assertThat(notYet.purged()).isEmpty();
    assertThat(now.purged()).containsExactly(f.learner(0).id());
    assertThat(now.rowsChanged()).isPositive();
    assertThat(again.purged()).isEmpty();
    assertThat(privacy.export(f.manager, f.learner(0).id())).doesNotContain("secret0", "dettes");
    assertThat(privacy.export(f.manager, f.learner(1).id())).contains("secret1");
  }

  @AllDatabases
  void theDefaultPolicyComesFromReferenceDataAndOnlyManagersRunIt(TestDatabase db) {
    CohortFixture f = twoCoachedLearners(db);

    assertThat(f.tremplin.privacy().defaultRetention()).isEqualTo(new RetentionPolicy(2));
    assertThatThrownBy(
            () ->
                f.tremplin
                    .privacy()
                    .applyRetention(f.coach, f.school.id(), ON, new RetentionPolicy(0)))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThat(f.rows("tremplin_retention_purge")).isZero();
  }
}

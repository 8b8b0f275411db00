package org.tremplin.core.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.coaching.ReferentAssignment;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class ReferentStoreIT {
  private static final LocalDate SEPT = LocalDate.of(2025, 9, 1);

  @AllDatabases
  void theNewestAssignmentIsTheReferentAndDefinesTheCaseload(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    var referents = f.tremplin.referents();
    var a = f.learner(0).id();
    var b = f.learner(1).id();

    referents.assign(f.manager, a, "coach-1", SEPT);
    referents.assign(f.manager, b, "coach-1", SEPT);
    referents.assign(f.manager, b, "coach-2", LocalDate.of(2025, 11, 3));

    assertThat(referents.referentOf(f.manager, a)).contains("coach-1");
    assertThat(referents.referentOf(f.manager, b)).contains("coach-2");
    assertThat(referents.caseload(f.coach, "coach-1")).containsExactly(a);
    assertThat(referents.history(f.manager, b))
        .extracting(ReferentAssignment::coach, ReferentAssignment::assignedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("coach-1", "manager-1"),
            org.assertj.core.groups.Tuple.tuple("coach-2", "manager-1"));
  }

  @AllDatabases
  void onlyManagersAssignAndAssignmentsGoForwardInTime(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var referents = f.tremplin.referents();
    var a = f.learner(0).id();
    referents.assign(f.manager, a, "coach-1", LocalDate.of(2025, 10, 1));

    assertThatThrownBy(() -> referents.assign(f.coach, a, "coach-1", LocalDate.of(2025, 11, 1)))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(() -> referents.assign(f.manager, a, "coach-2", SEPT))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThatThrownBy(() -> referents.caseload(f.trainer, "coach-1"))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThat(f.rows("tremplin_referent")).isEqualTo(1);
  }
}

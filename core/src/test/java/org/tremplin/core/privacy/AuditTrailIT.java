package org.tremplin.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.api.privacy.AuditEntry;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class AuditTrailIT {
  @AllDatabases
  void aChangeOfCoachingDataIsAuditedAndTheTrailReadIsAuditedToo(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var learner = f.learner(0).id();
    f.tremplin.referents().assign(f.manager, learner, "coach-1", LocalDate.of(2025, 9, 1));

    var first = f.tremplin.privacy().auditTrail(f.manager, learner);
    var second = f.tremplin.privacy().auditTrail(f.manager, learner);

    assertThat(first)
        .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::what)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "manager-1", AuditAction.CHANGE, "coaching.referent"),
            org.assertj.core.groups.Tuple.tuple(
                "manager-1", AuditAction.READ, "privacy.audit-trail"));
    assertThat(second).hasSize(3);
    assertThat(first.get(0).at()).isEqualTo(CohortFixture.NOW);
  }

  @AllDatabases
  void onlyManagersReadTheTrailAndARefusedChangeLeavesNoLine(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var learner = f.learner(0).id();

    assertThatThrownBy(
            () ->
                f.tremplin
                    .referents()
                    .assign(f.coach, learner, "coach-1", LocalDate.of(2025, 9, 1)))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(() -> f.tremplin.privacy().auditTrail(f.coach, learner))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThat(f.rows("tremplin_audit")).isZero();
  }
}

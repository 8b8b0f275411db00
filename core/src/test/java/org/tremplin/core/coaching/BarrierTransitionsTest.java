package org.tremplin.core.coaching;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.coaching.Barrier;
import org.tremplin.api.coaching.BarrierCategory;
import org.tremplin.api.coaching.BarrierId;
import org.tremplin.api.coaching.BarrierSeverity;
import org.tremplin.api.coaching.BarrierStatus;
import org.tremplin.api.coaching.BarrierStatusChange;

class BarrierTransitionsTest {
  private static final LocalDate OCT = LocalDate.of(2025, 10, 6);
  private static final LocalDate NOV = LocalDate.of(2025, 11, 3);
  private static final Instant AT = Instant.parse("2025-11-03T09:00:00Z");

  private static BarrierStatusChange change(BarrierStatus status, LocalDate on, String note) {
    return new BarrierStatusChange(status, on, note, "coach-1", AT);
  }

  private static Barrier with(BarrierStatusChange... history) {
    return new Barrier(
        BarrierId.random(),
        CohortId.random(),
        LearnerId.random(),
        BarrierCategory.BUDGET_DEBTS,
        BarrierSeverity.MEDIUM,
        OCT,
        "Dettes",
        List.of(history));
  }

  private static ErrorCode codeOf(Barrier b, BarrierStatusChange c) {
    try {
      BarrierTransitions.check(b, c);
      throw new AssertionError("accepted");
    } catch (TremplinException e) {
      return e.code();
    }
  }

  @Test
  void anOpenBarrierMovesToAnyOtherStatusOnTheSameDayOrLater() {
    Barrier open = with(change(BarrierStatus.OPEN, OCT, ""));
    assertThatCode(() -> BarrierTransitions.check(open, change(BarrierStatus.IN_PROGRESS, OCT, "")))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> BarrierTransitions.check(open, change(BarrierStatus.ABANDONED, NOV, "Refus")))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesTheCurrentStatusAgain() {
    Barrier open = with(change(BarrierStatus.OPEN, OCT, ""));
    org.assertj.core.api.Assertions.assertThat(codeOf(open, change(BarrierStatus.OPEN, NOV, "")))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void refusesAChangeDatedBeforeTheLastOne() {
    Barrier inProgress =
        with(change(BarrierStatus.OPEN, OCT, ""), change(BarrierStatus.IN_PROGRESS, NOV, ""));
    org.assertj.core.api.Assertions.assertThat(
            codeOf(inProgress, change(BarrierStatus.RESOLVED, OCT, "Plan de surendettement")))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void refusesAnyChangeOnceResolved() {
    Barrier resolved =
        with(change(BarrierStatus.OPEN, OCT, ""), change(BarrierStatus.RESOLVED, NOV, "Soldé"));
    org.assertj.core.api.Assertions.assertThat(
            codeOf(resolved, change(BarrierStatus.OPEN, NOV.plusDays(1), "")))
        .isEqualTo(ErrorCode.BARRIER_CLOSED);
  }

  @Test
  void closingNeedsAResult() {
    assertThatThrownBy(() -> change(BarrierStatus.RESOLVED, NOV, "  "))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }
}

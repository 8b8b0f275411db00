package org.tremplin.core.coaching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.coaching.Barrier;
import org.tremplin.api.coaching.BarrierId;
import org.tremplin.api.coaching.BarrierStatus;
import org.tremplin.api.coaching.BarrierStatusChange;
import org.tremplin.api.coaching.NewBarrier;
import org.tremplin.core.path.PathAccess;

/**
 * Barriers to employment (DOMAIN.md, Coaching): opened, then moved along an append-only status
 * history ({@link BarrierTransitions}). Every call goes through {@link PathAccess}. Thread-safe.
 */
public final class BarrierLedger {
  private final PathAccess path;
  private final Barriers barriers;
  private final Clock clock;

  /**
   * A ledger on its store.
   *
   * @param path the path
   * @param barriers the barriers
   * @param clock the clock read for "now"
   */
  public BarrierLedger(PathAccess path, Barriers barriers, Clock clock) {
    this.path = path;
    this.barriers = barriers;
    this.clock = clock;
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#openBarrier}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param request the request
   * @return the barrier
   */
  public Barrier openBarrier(Actor actor, CohortId cohort, LearnerId learner, NewBarrier request) {
    TremplinException.required(request, "barrier");
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    PathAccess.notInFuture(clock, request.openedOn(), ErrorCode.INVALID_ARGUMENT, "opening day");
    Barrier barrier =
        new Barrier(
            BarrierId.random(),
            cohort,
            learner,
            request.category(),
            request.severity(),
            request.openedOn(),
            request.description(),
            List.of(
                new BarrierStatusChange(
                    BarrierStatus.OPEN, request.openedOn(), "", actor.id(), clock.instant())));
    return granted.write(
        () -> {
          barriers.insert(barrier);
          return barrier;
        });
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#changeBarrierStatus}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param barrier the barrier
   * @param status the status
   * @param on the day it is evaluated on
   * @param note the note
   * @return the barrier
   */
  public Barrier changeBarrierStatus(
      Actor actor,
      CohortId cohort,
      LearnerId learner,
      BarrierId barrier,
      BarrierStatus status,
      LocalDate on,
      String note) {
    TremplinException.required(barrier, "barrier");
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    BarrierStatusChange change =
        new BarrierStatusChange(status, on, note, actor.id(), clock.instant());
    PathAccess.notInFuture(clock, on, ErrorCode.INVALID_ARGUMENT, "status change day");
    return granted.write(
        PathAccess.reloadAndRetry("the status of barrier " + barrier),
        () -> {
          Barrier current = existing(cohort, learner, barrier);
          BarrierTransitions.check(current, change);
          barriers.appendStatus(barrier, current.history().size() + 1, change);
          return existing(cohort, learner, barrier);
        });
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#barriers}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the barriers
   */
  public List<Barrier> barriers(Actor actor, CohortId cohort, LearnerId learner) {
    return path.check(actor, Operation.INSERTION_READ, cohort, learner)
        .read(() -> barriers.byLearner(cohort, learner));
  }

  /**
   * A barrier of the learner in the cohort, unchecked (inside a caller's own checked call).
   *
   * @throws TremplinException {@code BARRIER_NOT_FOUND}
   */
  Barrier existing(CohortId cohort, LearnerId learner, BarrierId id) {
    return barriers
        .find(cohort, learner, id)
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.BARRIER_NOT_FOUND,
                    "no barrier " + id + " of learner " + learner + " in cohort " + cohort));
  }
}

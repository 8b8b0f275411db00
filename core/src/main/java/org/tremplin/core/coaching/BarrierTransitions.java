package org.tremplin.core.coaching;

import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.coaching.Barrier;
import org.tremplin.api.coaching.BarrierStatusChange;

/**
 * Which status changes a barrier accepts: none once resolved or abandoned; never its current status
 * again; never dated before its last change. Stateless and thread-safe.
 */
final class BarrierTransitions {
  private BarrierTransitions() {}

  /**
   * Checks that the change may be appended to the barrier's history.
   *
   * @throws TremplinException {@code BARRIER_CLOSED}, {@code INVALID_ARGUMENT}
   */
  static void check(Barrier barrier, BarrierStatusChange change) {
    BarrierStatusChange current = barrier.current();
    if (current.status().closes()) {
      throw new TremplinException(
          ErrorCode.BARRIER_CLOSED,
          "barrier " + barrier.id() + " is " + current.status() + " since " + current.on());
    }
    TremplinException.check(
        change.status() != current.status(),
        "barrier " + barrier.id() + " is already " + current.status());
    TremplinException.check(
        !change.on().isBefore(current.on()),
        "status change on "
            + change.on()
            + " is before the last one, on "
            + current.on()
            + ", of barrier "
            + barrier.id());
  }
}

package org.tremplin.api.coaching;

import org.tremplin.api.TremplinException;

/** What an action-plan objective works towards: the career project, or lifting a barrier. */
public sealed interface ObjectiveFocus {
  /** The learner's career project. */
  record CareerProject() implements ObjectiveFocus {}

  /**
   * Lifting one of the learner's barriers.
   *
   * @param barrier the barrier
   */
  record OnBarrier(BarrierId barrier) implements ObjectiveFocus {
    /**
     * Required.
     *
     * @param barrier the barrier
     */
    public OnBarrier {
      TremplinException.required(barrier, "barrier");
    }
  }
}

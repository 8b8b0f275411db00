package org.tremplin.api.coaching;

/** Where work on a barrier stands. RESOLVED and ABANDONED close it for good. */
public enum BarrierStatus {
  /** Identified, nothing started yet. */
  OPEN,
  /** Being worked on. */
  IN_PROGRESS,
  /** Lifted. */
  RESOLVED,
  /** Given up (the learner declined, moved on, or it could not be worked on). */
  ABANDONED;

  /**
   * Whether this status closes the barrier (a result text is then required).
   *
   * @return whether this status closes the barrier (a result text is then required)
   */
  public boolean closes() {
    return this == RESOLVED || this == ABANDONED;
  }
}

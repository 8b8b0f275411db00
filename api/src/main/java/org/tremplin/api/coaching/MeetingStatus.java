package org.tremplin.api.coaching;

import org.tremplin.api.TremplinException;

/** Where a coaching meeting stands: planned, held, or missed by someone. Immutable. */
public sealed interface MeetingStatus {
  /** Planned, no outcome recorded yet. */
  record Planned() implements MeetingStatus {}

  /** Held. */
  record Held() implements MeetingStatus {}

  /**
   * Missed.
   *
   * @param by who did not come
   */
  record Missed(MissedBy by) implements MeetingStatus {
    /**
     * Required.
     *
     * @param by the by
     */
    public Missed {
      TremplinException.required(by, "missedBy");
    }
  }
}

package org.tremplin.api.coaching;

import java.time.Instant;
import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * One entry of a barrier's status history; entries are appended, never overwritten. Immutable.
 *
 * @param status the new status
 * @param on the day it took effect
 * @param note why, or for a closing status the result; at most 2000 characters, possibly empty
 * @param recordedBy who recorded it (actor id)
 * @param recordedAt when it was recorded
 */
public record BarrierStatusChange(
    BarrierStatus status, LocalDate on, String note, String recordedBy, Instant recordedAt) {
  /**
   * All required; a closing status needs a non-blank note (the result).
   *
   * @param status the status
   * @param on the day it is evaluated on
   * @param note the note
   * @param recordedBy the recorded by
   * @param recordedAt the recorded at
   */
  public BarrierStatusChange {
    TremplinException.required(status, "status");
    TremplinException.required(on, "date");
    TremplinException.required(note, "note");
    note = note.strip();
    TremplinException.check(note.length() <= 2000, "note is longer than 2000 characters");
    TremplinException.check(
        !status.closes() || !note.isEmpty(), "closing a barrier as " + status + " needs a result");
    TremplinException.requiredText(recordedBy, "recordedBy");
    TremplinException.required(recordedAt, "recordedAt");
  }
}

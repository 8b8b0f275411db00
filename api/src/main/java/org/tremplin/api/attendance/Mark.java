package org.tremplin.api.attendance;

/** The marks of a half-day on the attendance sheet (DOMAIN.md, Calendar and attendance). */
public enum Mark {
  /** Present. */
  PRESENT(Counts.ATTENDED),
  /** Present but late (minutes recorded). */
  LATE(Counts.ATTENDED),
  /** Absent with a justification. */
  ABSENT_JUSTIFIED(Counts.JUSTIFIED_ABSENCE),
  /** Absent without justification. */
  ABSENT_UNJUSTIFIED(Counts.UNJUSTIFIED_ABSENCE),
  /** On sick leave (arrêt maladie). */
  SICK_LEAVE(Counts.JUSTIFIED_ABSENCE),
  /** On paid leave. */
  PAID_LEAVE(Counts.JUSTIFIED_ABSENCE),
  /** In company placement (counts as attended, and towards placement hours). */
  IN_PLACEMENT(Counts.ATTENDED),
  /** Training elsewhere (e.g. with a partner school); counts as attended. */
  TRAINING_ELSEWHERE(Counts.ATTENDED);

  private final Counts counts;

  Mark(Counts counts) {
    this.counts = counts;
  }

  /**
   * How the mark counts in rates.
   *
   * @return the counts
   */
  public Counts counts() {
    return counts;
  }

  /** How a mark counts in attendance rates. */
  public enum Counts {
    /** The learner was at work (training, placement, elsewhere). */
    ATTENDED,
    /** Absent with a reason the funder accepts. */
    JUSTIFIED_ABSENCE,
    /** Absent without a reason. */
    UNJUSTIFIED_ABSENCE
  }
}

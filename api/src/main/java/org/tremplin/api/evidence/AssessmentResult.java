package org.tremplin.api.evidence;

/** The outcome an assessor records. */
public enum AssessmentResult {
  /** Not acquired yet. */
  NOT_ACQUIRED,
  /** Partly acquired. */
  PARTIALLY_ACQUIRED,
  /** Acquired. */
  ACQUIRED
}

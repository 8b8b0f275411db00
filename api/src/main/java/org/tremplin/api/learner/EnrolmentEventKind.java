package org.tremplin.api.learner;

/** What happened to a learner's place in a cohort. */
public enum EnrolmentEventKind {
  /** First entry into the cohort. */
  JOINED,
  /** Left the cohort (the reason is recorded). */
  LEFT,
  /** Came back after leaving. */
  REENTERED
}

package org.tremplin.api.coaching;

/** How much a barrier weighs on the learner's path. */
public enum BarrierSeverity {
  /** Low. */
  LOW,
  /** Medium. */
  MEDIUM,
  /** High. */
  HIGH
}

package org.tremplin.api.coaching;

/** Who did not come to a missed coaching meeting. */
public enum MissedBy {
  /** The learner did not come. */
  LEARNER,
  /** The coach cancelled or did not come. */
  COACH
}

package org.tremplin.api.coaching;

/** Where an action stands. DONE and CANCELLED are final. */
public enum ActionStatus {
  /** Still to do. */
  TODO,
  /** Done. */
  DONE,
  /** Cancelled. */
  CANCELLED
}

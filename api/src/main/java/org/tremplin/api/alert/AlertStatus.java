package org.tremplin.api.alert;

/** Where an alert stands. */
public enum AlertStatus {
  /** Raised, nobody looked yet. */
  RAISED,
  /** The coach has seen it. */
  ACKNOWLEDGED,
  /** The situation is over (or handled); a new occurrence raises a new alert. */
  RESOLVED
}

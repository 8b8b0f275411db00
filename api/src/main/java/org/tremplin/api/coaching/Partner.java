package org.tremplin.api.coaching;

/** The partners a coach refers learners to (orientation). */
public enum Partner {
  /** France Travail. */
  FRANCE_TRAVAIL,
  /** Mission locale (under-26s). */
  MISSION_LOCALE,
  /** Social services. */
  SOCIAL_SERVICES,
  /** A health service. */
  HEALTH,
  /** A housing service. */
  HOUSING,
  /** Any other partner. */
  OTHER
}

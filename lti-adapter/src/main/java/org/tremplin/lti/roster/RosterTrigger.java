package org.tremplin.lti.roster;

/** What started a roster sync (logged; the throttle applies to trainer launches only). */
public enum RosterTrigger {
  /** The course was just linked to a cohort. */
  LINKED,
  /** A trainer launched from the course (at most every {@link RosterSync#TRAINER_INTERVAL}). */
  TRAINER_LAUNCH,
  /** A trainer asked for it from their page. */
  ON_DEMAND,
  /** A learner's first launch into a course whose roster was never read. */
  LEARNER_FIRST_LAUNCH
}

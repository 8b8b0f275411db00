package org.tremplin.api.coaching;

/** The one objective of a company immersion (PMSMP). */
public enum ImmersionObjective {
  /** Discover a job or a sector. */
  DISCOVER_JOB,
  /** Confirm a career project. */
  CONFIRM_PROJECT,
  /** Start a recruitment. */
  START_RECRUITMENT
}

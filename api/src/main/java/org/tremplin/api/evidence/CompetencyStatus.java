package org.tremplin.api.evidence;

/**
 * Where a learner stands on a competency. The rule (see {@code CompetencyStatusRule} in core):
 *
 * <ul>
 *   <li>{@code NOT_STARTED}: no evidence on the competency or any of its criteria;
 *   <li>{@code ACQUIRED}: when a trainer or an ECF assessed the whole competency, the latest such
 *       decision says ACQUIRED; when nobody did, the competency has criteria and the latest
 *       evidence of every criterion says ACQUIRED;
 *   <li>{@code IN_PROGRESS}: otherwise.
 * </ul>
 */
public enum CompetencyStatus {
  /** No evidence yet. */
  NOT_STARTED,
  /** Some evidence, not acquired. */
  IN_PROGRESS,
  /** Acquired. */
  ACQUIRED
}

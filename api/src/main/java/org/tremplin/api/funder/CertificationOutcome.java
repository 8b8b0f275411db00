package org.tremplin.api.funder;

/** The result of a certification session for a candidate (DOMAIN.md, The certification). */
public enum CertificationOutcome {
  /** The full title obtained. */
  FULL_TITLE,
  /** Some competency blocks (CCP) obtained, recorded in the certification booklet. */
  PARTIAL,
  /** Nothing obtained. */
  FAILED,
  /** Did not sit the session. */
  ABSENT
}

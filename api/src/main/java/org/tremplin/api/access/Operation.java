package org.tremplin.api.access;

/**
 * What an actor asks to do, by kind of data. The permission matrix is {@link
 * org.tremplin.api.access.AccessRules}'s.
 */
public enum Operation {
  /** Read a cohort, its calendar and its list of learners. */
  COHORT_READ,
  /** Open cohorts, change schools and templates. */
  PROGRAMME_WRITE,
  /** Enrol learners, record that they leave or re-enter. */
  ENROLMENT_WRITE,
  /** Read attendance. */
  ATTENDANCE_READ,
  /** Record or correct attendance. */
  ATTENDANCE_WRITE,
  /** Read evidence, competency status and readiness. */
  EVIDENCE_READ,
  /** Record evidence and milestones. */
  EVIDENCE_WRITE,
  /** Read insertion data: eligibility, contract, PASS, barriers, action plan, exits. */
  INSERTION_READ,
  /** Change insertion data. */
  INSERTION_WRITE,
  /** Read coaching meetings and their ordinary notes. */
  COACHING_READ,
  /** Read the confidential part of coaching notes. */
  CONFIDENTIAL_NOTE_READ,
  /** Record coaching meetings and notes. */
  COACHING_WRITE,
  /** Read counts and summaries (reports). */
  REPORT_READ,
  /** Export everything held about a learner, or erase it. */
  PERSONAL_DATA_ADMIN,
  /** Issue, list and revoke API tokens (server-to-server access) for a school or the network. */
  API_TOKEN_ADMIN
}

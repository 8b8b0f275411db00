package org.tremplin.api.access;

/** The roles of DOMAIN.md, People and roles. */
public enum Role {
  /** A learner: their own path only, never confidential notes. */
  LEARNER,
  /** A trainer: cohort attendance, assessments, competency grid; no social or coaching data. */
  TRAINER,
  /** A coach (CIP): their caseload's insertion and coaching data, confidential notes included. */
  COACH,
  /**
   * A school manager: everything of their schools, reports, exports; confidential notes only in
   * summary.
   */
  MANAGER,
  /** A network operator: schools, registrations, templates, users; no learner files. */
  ADMIN
}

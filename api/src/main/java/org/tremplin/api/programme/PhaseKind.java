package org.tremplin.api.programme;

/** What a phase of a programme is for (DOMAIN.md, The programme). */
public enum PhaseKind {
  /** Remise à niveau / socle: onboarding, basics. */
  FOUNDATION,
  /** Formation intensive: front-end then back-end. */
  INTENSIVE_TRAINING,
  /** Projet réel: real commissions and the portfolio. */
  REAL_PROJECT,
  /** Période en entreprise: company placement. */
  COMPANY_PLACEMENT,
  /** The certification session. */
  CERTIFICATION
}

package org.tremplin.api.exit;

/** The learner's situation on leaving the path (the codes funders report). */
public enum ExitSituation {
  /** Permanent contract. */
  CDI,
  /** Fixed-term contract (its length decides the category). */
  CDD,
  /** Temporary work (its length decides the category). */
  INTERIM,
  /** Subsidised contract with a mainstream employer. */
  CONTRAT_AIDE,
  /** Civil service. */
  FONCTION_PUBLIQUE,
  /** Business creation. */
  CREATION_ENTREPRISE,
  /** Qualifying or pre-qualifying training. */
  FORMATION_QUALIFIANTE,
  /** Hired by another insertion structure. */
  AUTRE_SIAE,
  /** Looking for a job. */
  RECHERCHE_EMPLOI,
  /** Inactive. */
  INACTIF,
  /** No news. */
  SANS_NOUVELLES,
  /** Health. */
  SANTE,
  /** Moving away. */
  DEMENAGEMENT,
  /** Death. */
  DECES,
  /** Retirement. */
  RETRAITE,
  /** Detention. */
  DETENTION
}

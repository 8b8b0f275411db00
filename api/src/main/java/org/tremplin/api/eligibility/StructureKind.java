package org.tremplin.api.eligibility;

/** The kinds of insertion structure (SIAE); the eligibility threshold depends on it. */
public enum StructureKind {
  /** Atelier et chantier d'insertion. */
  ACI,
  /** Association intermédiaire. */
  AI,
  /** Entreprise d'insertion. */
  EI,
  /** Entreprise de travail temporaire d'insertion. */
  ETTI,
  /** Entreprise d'insertion par le travail indépendant. */
  EITI
}

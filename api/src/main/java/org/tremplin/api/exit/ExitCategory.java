package org.tremplin.api.exit;

/** The categories funders count exits in. */
public enum ExitCategory {
  /** Durable employment. */
  EMPLOI_DURABLE,
  /** Transition employment. */
  EMPLOI_TRANSITION,
  /** Positive exit (training, another insertion structure). */
  SORTIE_POSITIVE,
  /** Other exit (job seeking, inactive, no news). */
  AUTRE_SORTIE,
  /** Excluded from rates (health, moving, death, retirement, detention). */
  NEUTRALISEE
}

package org.tremplin.api.coaching;

/** The kinds of barrier to employment (freins périphériques) of DOMAIN.md, Coaching. */
public enum BarrierCategory {
  /** Housing. */
  HOUSING,
  /** Mobility (transport, driving licence). */
  MOBILITY,
  /** Health. */
  HEALTH,
  /** Childcare and family. */
  CHILDCARE_FAMILY,
  /** Justice (proceedings, supervision). */
  JUSTICE,
  /** Administrative (papers, rights). */
  ADMINISTRATIVE,
  /** French language. */
  FRENCH_LANGUAGE,
  /** Basic skills (reading, writing, arithmetic). */
  BASIC_SKILLS,
  /** Digital skills or equipment. */
  DIGITAL,
  /** Budget and debts. */
  BUDGET_DEBTS,
  /** Anything else. */
  OTHER
}

package org.tremplin.api.funder;

/** Sex as the learner declared it at entry; declaring it is optional. */
public enum DeclaredSex {
  /** Declared female (counted in the share of women). */
  FEMALE,
  /** Declared male. */
  MALE,
  /** Not declared. */
  NOT_DECLARED
}

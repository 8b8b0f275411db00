package org.tremplin.api.funder;

import org.tremplin.api.TremplinException;

/**
 * Highest diploma level on the national scale (nomenclature of 2019, levels 1 to 8; 0 when the
 * learner has no diploma), the scale the eligibility profile uses too: 3 is CAP/BEP, 4 the bac.
 */
public enum DiplomaLevel {
  /** No diploma. */
  NONE(0),
  /** Level 1: basic skills. */
  LEVEL_1(1),
  /** Level 2: the CléA certificate of basic skills. */
  LEVEL_2(2),
  /** Level 3: CAP, BEP. */
  CAP_BEP(3),
  /** Level 4: baccalauréat, brevet professionnel. */
  BAC(4),
  /** Level 5: bac + 2 (BTS, DUT). */
  BAC_PLUS_2(5),
  /** Level 6: bac + 3 (licence, bachelor). */
  BAC_PLUS_3(6),
  /** Level 7: bac + 5 (master). */
  BAC_PLUS_5(7),
  /** Level 8: doctorate. */
  DOCTORATE(8);

  private final int level;

  DiplomaLevel(int level) {
    this.level = level;
  }

  /**
   * The number on the national scale, 0 to 8.
   *
   * @return the level number
   */
  public int level() {
    return level;
  }

  /**
   * Whether this is the bac or below (a Grande École du Numérique share).
   *
   * @return true at level 4 or below
   */
  public boolean atOrBelowBac() {
    return level <= BAC.level;
  }

  /**
   * The level of a number on the national scale.
   *
   * @param level 0 to 8
   * @return the level
   * @throws TremplinException {@code INVALID_ARGUMENT} outside 0 to 8
   */
  public static DiplomaLevel of(int level) {
    for (DiplomaLevel l : values()) {
      if (l.level == level) {
        return l;
      }
    }
    throw new TremplinException(
        org.tremplin.api.ErrorCode.INVALID_ARGUMENT, "diploma level must be 0 to 8, got " + level);
  }
}

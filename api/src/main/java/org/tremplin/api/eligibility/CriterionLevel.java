package org.tremplin.api.eligibility;

/** Level of an administrative criterion: one level-1 criterion suffices; level 2 are counted. */
public enum CriterionLevel {
  /** Enough on its own. */
  LEVEL_1,
  /** Counted towards the structure's threshold. */
  LEVEL_2
}

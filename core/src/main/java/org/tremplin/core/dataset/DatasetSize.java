package org.tremplin.core.dataset;

/** The named sizes of a synthetic data set ({@link DatasetShape#of(DatasetSize)} gives each). */
public enum DatasetSize {
  /** One school (93) with two cohorts of twelve learners, like the demo. */
  DEMO,
  /**
   * One school per Île-de-France département (75, 77, 78, 91, 92, 93, 94, 95), three cohorts of
   * fifteen learners each.
   */
  NETWORK,
  /**
   * A national network: 100 schools (every metropolitan département and four overseas ones), ten
   * cohorts each (1,000 cohorts) of thirty learners over the year (24 at a time, leavers replaced):
   * 30,000 learners and about ten million half-day marks.
   */
  NATIONAL
}

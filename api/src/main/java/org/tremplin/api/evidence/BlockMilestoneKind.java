package org.tremplin.api.evidence;

/** Per-block steps of the candidate file that readiness needs besides the competencies. */
public enum BlockMilestoneKind {
  /** The block's in-training assessment (ECF) was taken. */
  IN_TRAINING_ASSESSMENT,
  /** The block's section of the professional portfolio (DP) is complete. */
  PORTFOLIO_SECTION
}

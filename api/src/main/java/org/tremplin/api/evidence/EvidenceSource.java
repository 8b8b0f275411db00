package org.tremplin.api.evidence;

/** Where a piece of evidence comes from. */
public enum EvidenceSource {
  /** A trainer's assessment. */
  TRAINER_ASSESSMENT,
  /** An in-training assessment (ECF). */
  IN_TRAINING_ASSESSMENT,
  /** A grade sent by the LMS. */
  LMS_GRADE,
  /** A real project delivered for a client. */
  PROJECT
}

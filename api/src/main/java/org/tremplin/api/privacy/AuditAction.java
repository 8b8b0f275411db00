package org.tremplin.api.privacy;

/** What an actor did with a learner's data. */
public enum AuditAction {
  /** Read it. */
  READ,
  /** Created or changed it. */
  CHANGE,
  /** Exported it. */
  EXPORT,
  /** Erased (anonymised) it. */
  ERASE
}

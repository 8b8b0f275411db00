package org.tremplin.core.privacy;

import java.util.List;
import org.tremplin.api.LearnerId;
import org.tremplin.api.privacy.AuditEntry;

/**
 * The stored audit trail, append-only. Thread-safe; an append inside a transaction joins it, so a
 * rolled-back change leaves no audit line and a committed one always has its line.
 */
public interface AuditLog {
  /**
   * Appends a line.
   *
   * @param entry the entry
   */
  void append(AuditEntry entry);

  /**
   * Appends these lines, in order, in one statement.
   *
   * @param entries the entries
   */
  void appendAll(List<AuditEntry> entries);

  /**
   * A learner's lines, oldest first.
   *
   * @param learner the learner
   * @return a learner's lines, oldest first
   */
  List<AuditEntry> byLearner(LearnerId learner);
}

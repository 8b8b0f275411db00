package org.tremplin.api.evidence;

import java.util.List;
import org.tremplin.api.TremplinException;

/**
 * Readiness for one block: every competency acquired, its ECF taken, its DP section complete.
 *
 * @param block the block code
 * @param competencies progress on each competency of the block
 * @param missing what is missing; empty when ready
 */
public record BlockReadiness(
    String block, List<CompetencyProgress> competencies, List<MissingItem> missing) {
  /**
   * All fields required.
   *
   * @param block the block
   * @param competencies the competencies
   * @param missing the missing
   */
  public BlockReadiness {
    TremplinException.requiredText(block, "block");
    competencies = List.copyOf(TremplinException.required(competencies, "competencies"));
    missing = List.copyOf(TremplinException.required(missing, "missing"));
  }

  /**
   * Whether the block is ready.
   *
   * @return whether the block is ready
   */
  public boolean ready() {
    return missing.isEmpty();
  }

  /**
   * Competencies acquired in this block.
   *
   * @return the acquired
   */
  public long acquired() {
    return competencies.stream().filter(c -> c.status() == CompetencyStatus.ACQUIRED).count();
  }
}

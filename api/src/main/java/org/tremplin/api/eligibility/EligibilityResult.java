package org.tremplin.api.eligibility;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.TremplinException;

/**
 * The evaluation of a diagnosis, explaining itself.
 *
 * @param criteriaVersion the version of the list applied (in force on the diagnosis date)
 * @param structure the structure kind
 * @param level1 level-1 criteria retained
 * @param level2 level-2 criteria retained
 * @param level2Required level-2 criteria needed for this structure kind
 * @param eligible one level-1 criterion, or at least {@code level2Required} level-2 ones
 * @param proofIssues missing or out-of-date proofs of retained criteria
 * @param expiresOn last day the diagnosis is valid without a PASS IAE
 */
public record EligibilityResult(
    String criteriaVersion,
    StructureKind structure,
    List<String> level1,
    List<String> level2,
    int level2Required,
    boolean eligible,
    List<ProofIssue> proofIssues,
    LocalDate expiresOn) {
  /**
   * All fields required.
   *
   * @param criteriaVersion the criteria version
   * @param structure the structure
   * @param level1 the level1
   * @param level2 the level2
   * @param level2Required the level2 required
   * @param eligible the eligible
   * @param proofIssues the proof issues
   * @param expiresOn the expires on
   */
  public EligibilityResult {
    TremplinException.requiredText(criteriaVersion, "criteriaVersion");
    TremplinException.required(structure, "structure");
    level1 = List.copyOf(TremplinException.required(level1, "level1"));
    level2 = List.copyOf(TremplinException.required(level2, "level2"));
    proofIssues = List.copyOf(TremplinException.required(proofIssues, "proofIssues"));
    TremplinException.required(expiresOn, "expiresOn");
  }

  /**
   * The criteria that make the learner eligible: the level-1 ones if any, otherwise the level-2
   * ones when they reach the threshold; empty when not eligible.
   *
   * @return the criteria that make the learner eligible: the level-1 ones if any, otherwise the
   *     level-2 ones when they reach the threshold; empty when not eligible
   */
  public List<String> counted() {
    if (!level1.isEmpty()) {
      return level1;
    }
    return eligible ? level2 : List.of();
  }

  /**
   * Eligible, and every counted criterion has a valid proof.
   *
   * @return whether the learner is eligible and every counted criterion has a valid proof
   */
  public boolean provenEligible() {
    return eligible && proofIssues.stream().noneMatch(p -> counted().contains(p.criterion()));
  }
}

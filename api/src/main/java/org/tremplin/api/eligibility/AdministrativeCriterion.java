package org.tremplin.api.eligibility;

import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;

/**
 * An administrative eligibility criterion of one version of the list.
 *
 * @param code stable code, e.g. {@code RSA}, {@code QPV}
 * @param level level 1 or 2
 * @param name what it means
 * @param proof the supporting document that proves it
 * @param proofValidity how long that document stays valid
 */
public record AdministrativeCriterion(
    String code,
    CriterionLevel level,
    LocalizedText name,
    LocalizedText proof,
    ProofValidity proofValidity) {
  /**
   * All fields required.
   *
   * @param code the stable code
   * @param level the level
   * @param name the name
   * @param proof the proof
   * @param proofValidity the proof validity
   */
  public AdministrativeCriterion {
    TremplinException.requiredText(code, "criterion code");
    TremplinException.required(level, "level");
    TremplinException.required(name, "name");
    TremplinException.required(proof, "proof");
    TremplinException.required(proofValidity, "proofValidity");
  }
}

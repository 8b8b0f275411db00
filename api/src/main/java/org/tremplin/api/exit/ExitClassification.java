package org.tremplin.api.exit;

import org.tremplin.api.TremplinException;

/**
 * The category of an exit, derived by rule.
 *
 * @param situation the situation classified
 * @param category its category
 * @param dynamic whether it counts as a "sortie dynamique" (durable, transition or positive)
 * @param rulesVersion the version of the rules applied
 */
public record ExitClassification(
    ExitSituation situation, ExitCategory category, boolean dynamic, String rulesVersion) {
  /**
   * All fields required.
   *
   * @param situation the situation
   * @param category the category
   * @param dynamic the dynamic
   * @param rulesVersion the rules version
   */
  public ExitClassification {
    TremplinException.required(situation, "situation");
    TremplinException.required(category, "category");
    TremplinException.requiredText(rulesVersion, "rulesVersion");
  }
}

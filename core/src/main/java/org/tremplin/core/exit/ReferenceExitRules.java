package org.tremplin.core.exit;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.exit.ExitClassification;
import org.tremplin.api.exit.ExitRules;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.core.internal.Json;

/**
 * Exit rules read from {@code exit-rules.json} (newest version). Every situation must be covered by
 * the data, which is checked on load. Immutable and thread-safe.
 */
public final class ReferenceExitRules implements ExitRules {
  /** Longest contract length accepted, in months (50 years). */
  public static final int MAX_MONTHS = 600;

  private final String version;
  private final Map<ExitSituation, ExitCategory> bySituation;
  private final Set<ExitSituation> byLength;
  private final int durableFromMonths;
  private final ExitCategory atLeast;
  private final ExitCategory below;
  private final Set<ExitCategory> dynamic;
  private final int followUpMonths;

  /** Loads the bundled rules. */
  public ReferenceExitRules() {
    Doc doc = Json.resource(ReferenceExitRules.class, "exit-rules.json", Doc.class);
    Version v = doc.versions().get(doc.versions().size() - 1);
    this.version = v.version();
    this.bySituation = new EnumMap<>(v.bySituation());
    this.byLength = EnumSet.copyOf(v.byContractLength().situations());
    this.durableFromMonths = v.byContractLength().durableFromMonths();
    this.atLeast = v.byContractLength().atLeast();
    this.below = v.byContractLength().below();
    this.dynamic = EnumSet.copyOf(v.dynamicCategories());
    this.followUpMonths = v.followUpMonths();
    for (ExitSituation s : ExitSituation.values()) {
      if (bySituation.containsKey(s) == byLength.contains(s)) {
        throw new IllegalStateException("exit rules must classify " + s + " exactly once");
      }
    }
  }

  @Override
  public ExitClassification classify(ExitSituation situation) {
    TremplinException.required(situation, "situation");
    if (byLength.contains(situation)) {
      throw new TremplinException(
          ErrorCode.EXIT_CONTRACT_LENGTH_REQUIRED,
          situation + " needs the contract's length in months to be classified");
    }
    return result(situation, bySituation.get(situation));
  }

  @Override
  public ExitClassification classify(ExitSituation situation, int contractMonths) {
    TremplinException.required(situation, "situation");
    TremplinException.check(
        contractMonths >= 1 && contractMonths <= MAX_MONTHS,
        "contract length must be between 1 and " + MAX_MONTHS + " months, got " + contractMonths);
    if (!byLength.contains(situation)) {
      return classify(situation);
    }
    return result(situation, contractMonths >= durableFromMonths ? atLeast : below);
  }

  @Override
  public int followUpMonths() {
    return followUpMonths;
  }

  private ExitClassification result(ExitSituation situation, ExitCategory category) {
    return new ExitClassification(situation, category, dynamic.contains(category), version);
  }

  record Length(
      List<ExitSituation> situations,
      int durableFromMonths,
      ExitCategory atLeast,
      ExitCategory below) {}

  record Version(
      String version,
      String source,
      List<ExitCategory> dynamicCategories,
      Map<ExitSituation, ExitCategory> bySituation,
      Length byContractLength,
      int followUpMonths) {}

  record Doc(String description, List<Version> versions) {}
}

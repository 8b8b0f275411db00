package org.tremplin.api.dashboard;

import java.math.BigDecimal;
import org.tremplin.api.TremplinException;

/**
 * The funders' targets for exit rates (DOMAIN.md, Exits: historically ≥ 60 % dynamic, ≥ 25 %
 * durable), from versioned reference data.
 *
 * @param version the reference data's version
 * @param dynamicPercent the dynamic-exit target, in percent
 * @param durablePercent the durable-exit target, in percent
 */
public record ExitTargets(String version, BigDecimal dynamicPercent, BigDecimal durablePercent) {
  /**
   * Percentages between 0 and 100.
   *
   * @param version the version
   * @param dynamicPercent the dynamic target
   * @param durablePercent the durable target
   */
  public ExitTargets {
    TremplinException.requiredText(version, "version");
    TremplinException.required(dynamicPercent, "dynamic target");
    TremplinException.required(durablePercent, "durable target");
    for (BigDecimal p : new BigDecimal[] {dynamicPercent, durablePercent}) {
      TremplinException.check(
          p.signum() >= 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0,
          "a target is a percentage between 0 and 100, got " + p);
    }
  }
}

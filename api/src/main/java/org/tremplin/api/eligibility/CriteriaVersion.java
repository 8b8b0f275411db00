package org.tremplin.api.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tremplin.api.TremplinException;

/**
 * One dated version of the criteria list and its thresholds.
 *
 * @param version e.g. {@code 2021}
 * @param validFrom first day it applies to diagnoses
 * @param diagnosisValidityMonths how long a diagnosis stays valid without a PASS IAE
 * @param level2Required level-2 criteria needed per structure kind
 * @param criteria the criteria
 */
public record CriteriaVersion(
    String version,
    LocalDate validFrom,
    int diagnosisValidityMonths,
    Map<StructureKind, Integer> level2Required,
    List<AdministrativeCriterion> criteria) {
  /**
   * All fields required; every structure kind has a threshold.
   *
   * @param version the version
   * @param validFrom the valid from
   * @param diagnosisValidityMonths the diagnosis validity months
   * @param level2Required the level2 required
   * @param criteria the criteria
   */
  public CriteriaVersion {
    TremplinException.requiredText(version, "version");
    TremplinException.required(validFrom, "validFrom");
    TremplinException.check(diagnosisValidityMonths >= 1, "diagnosis validity must be positive");
    level2Required = Map.copyOf(TremplinException.required(level2Required, "level2Required"));
    for (StructureKind k : StructureKind.values()) {
      TremplinException.check(level2Required.containsKey(k), "no level-2 threshold for " + k);
    }
    criteria = List.copyOf(TremplinException.required(criteria, "criteria"));
  }

  /**
   * The criterion with this code.
   *
   * @param code the stable code
   * @return the criterion with this code
   */
  public Optional<AdministrativeCriterion> criterion(String code) {
    return criteria.stream().filter(c -> c.code().equals(code)).findFirst();
  }
}

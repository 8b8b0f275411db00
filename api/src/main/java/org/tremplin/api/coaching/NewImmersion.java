package org.tremplin.api.coaching;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * A company immersion to plan. Its length limit (at most one month) is checked by the service.
 * Immutable.
 *
 * @param objective its one objective
 * @param hostOrganisation the host company or organisation, 1 to 200 characters
 * @param tutor the tutor at the host, 1 to 200 characters
 * @param firstDay first day
 * @param lastDay last day, not before the first
 */
public record NewImmersion(
    ImmersionObjective objective,
    String hostOrganisation,
    String tutor,
    LocalDate firstDay,
    LocalDate lastDay) {
  /**
   * All required; the last day not before the first.
   *
   * @param objective the objective
   * @param hostOrganisation the host organisation
   * @param tutor the tutor
   * @param firstDay the first day
   * @param lastDay the last day
   */
  public NewImmersion {
    TremplinException.required(objective, "objective");
    hostOrganisation = checkName(hostOrganisation, "host organisation");
    tutor = checkName(tutor, "tutor");
    TremplinException.required(firstDay, "firstDay");
    TremplinException.required(lastDay, "lastDay");
    TremplinException.check(
        !lastDay.isBefore(firstDay),
        "immersion ends on " + lastDay + ", before it starts on " + firstDay);
  }

  static String checkName(String name, String field) {
    TremplinException.requiredText(name, field);
    String stripped = name.strip();
    TremplinException.check(stripped.length() <= 200, field + " is longer than 200 characters");
    return stripped;
  }
}

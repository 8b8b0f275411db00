package org.tremplin.api.programme;

import java.util.List;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;

/**
 * A phase of a programme, placed in weeks from the cohort's start.
 *
 * @param code unique within the template
 * @param name its name
 * @param kind what it is for
 * @param startWeek first week, 1-based (week 1 starts on the cohort's start date)
 * @param weeks length in weeks, positive
 * @param units its units, possibly empty (e.g. for a placement)
 */
public record Phase(
    String code, LocalizedText name, PhaseKind kind, int startWeek, int weeks, List<Unit> units) {
  /**
   * All fields required; weeks positive.
   *
   * @param code the stable code
   * @param name the name
   * @param kind the kind
   * @param startWeek the start week
   * @param weeks the weeks
   * @param units the units
   */
  public Phase {
    TremplinException.requiredText(code, "phase code");
    TremplinException.required(name, "phase name");
    TremplinException.required(kind, "phase kind");
    TremplinException.check(startWeek >= 1, "phase " + code + " must start at week 1 or later");
    TremplinException.check(weeks >= 1, "phase " + code + " must last at least one week");
    units = List.copyOf(TremplinException.required(units, "units"));
  }

  /**
   * The last week of the phase (inclusive).
   *
   * @return the last week of the phase (inclusive)
   */
  public int endWeek() {
    return startWeek + weeks - 1;
  }

  /**
   * Hours planned by the phase's units.
   *
   * @return the unit hours
   */
  public int unitHours() {
    return units.stream().mapToInt(Unit::hours).sum();
  }
}

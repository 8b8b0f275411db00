package org.tremplin.core.programme;

import java.util.List;
import org.tremplin.api.ErrorCode;

/**
 * One problem of a programme template document, located for the person who must fix it: its code,
 * what kind of problem it is (a stable key pages translate, e.g. {@code required}, {@code
 * competency}), where it is ({@code phases[2].units[0].hours}, or {@code line 4, column 7} for a
 * syntax error; empty for the whole document), the values that explain it, and an English message
 * for logs. Immutable.
 *
 * <p>Kinds: {@code syntax} (line, column), {@code empty}, {@code unknownField} (name), {@code type}
 * (expected type), {@code choice} (value, allowed values), {@code required}, {@code value}
 * (detail), {@code id} (id), {@code idTaken} (id), {@code phaseCode} (code), {@code unitCode}
 * (code), {@code overlap} (phase, start week, previous end week), {@code gap} (phase, first empty
 * week, last empty week), {@code phaseHours} (phase, hours, weeks, capacity), {@code competency}
 * (unit, competency, certification), {@code placementHours} (hours, capacity).
 *
 * @param code the stable error code
 * @param kind what kind of problem, a stable key
 * @param where where in the document, as a path ({@code phases[1].startWeek}) or a position
 * @param arguments the values that explain it, in the order the kind lists them
 * @param message an English message with the values, for logs and exceptions
 */
public record TemplateProblem(
    ErrorCode code, String kind, String where, List<String> arguments, String message) {
  /**
   * Copies the arguments.
   *
   * @param code the code
   * @param kind the kind
   * @param where the place
   * @param arguments the arguments
   * @param message the message
   */
  public TemplateProblem {
    arguments = List.copyOf(arguments);
  }

  static TemplateProblem of(
      ErrorCode code, String kind, String where, String message, Object... arguments) {
    return new TemplateProblem(
        code,
        kind,
        where,
        java.util.Arrays.stream(arguments).map(String::valueOf).toList(),
        message);
  }
}

package org.tremplin.core.coaching;

import java.time.LocalDate;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;

/**
 * A company immersion (PMSMP) lasts at most one month ({@code immersion-rules.json}): its last day
 * is at the latest the start plus one month minus one day (1 March → 31 March; 1 February 2026 → 28
 * February). {@link LocalDate#plusMonths} clamps to the end of a shorter month, so 31 January 2026
 * → 27 February. Stateless and thread-safe.
 */
final class ImmersionLengthRule {
  private static final int MAX_MONTHS =
      org.tremplin.core.internal.Json.resource(
              ImmersionLengthRule.class, "immersion-rules.json", Limits.class)
          .maxMonths();

  private ImmersionLengthRule() {}

  record Limits(String description, int maxMonths) {}

  /**
   * The latest allowed last day for an immersion starting on {@code firstDay}: one month later
   * minus one day ({@link LocalDate#plusMonths} clamps to the end of a shorter month).
   */
  static LocalDate latestLastDay(LocalDate firstDay) {
    return firstDay.plusMonths(MAX_MONTHS).minusDays(1);
  }

  /**
   * Checks the length.
   *
   * @throws TremplinException {@code IMMERSION_TOO_LONG}
   */
  static void check(LocalDate firstDay, LocalDate lastDay) {
    LocalDate latest = latestLastDay(firstDay);
    if (lastDay.isAfter(latest)) {
      throw new TremplinException(
          ErrorCode.IMMERSION_TOO_LONG,
          "an immersion starting on "
              + firstDay
              + " ends on "
              + latest
              + " at the latest, not "
              + lastDay);
    }
  }
}

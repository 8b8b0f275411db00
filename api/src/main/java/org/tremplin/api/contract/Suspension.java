package org.tremplin.api.contract;

import java.time.temporal.ChronoUnit;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;

/**
 * A suspension of a contract or of a PASS IAE (e.g. for a company placement or a trial job).
 *
 * @param period the days suspended (inclusive)
 * @param reason why
 */
public record Suspension(DateRange period, String reason) {
  /**
   * Both fields required.
   *
   * @param period the period
   * @param reason the reason
   */
  public Suspension {
    TremplinException.required(period, "suspension period");
    TremplinException.requiredText(reason, "suspension reason");
  }

  /**
   * Days suspended.
   *
   * @return the days
   */
  public long days() {
    return ChronoUnit.DAYS.between(period.first(), period.last()) + 1;
  }
}

package org.tremplin.api.insertion;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;
import org.tremplin.api.exit.ExitSituation;

/**
 * An exit to record. Its category is never given: the exit rules derive it.
 *
 * @param leftOn the day the learner left the path (not in the future)
 * @param situation the situation on leaving
 * @param contractMonths length of the contract obtained, in months, for a CDD or temporary work; 0
 *     for any other situation
 */
public record NewExit(LocalDate leftOn, ExitSituation situation, int contractMonths) {
  /**
   * Date and situation required; months not negative.
   *
   * @param leftOn the left on
   * @param situation the situation
   * @param contractMonths the contract months
   */
  public NewExit {
    TremplinException.required(leftOn, "exit date");
    TremplinException.required(situation, "situation");
    TremplinException.check(contractMonths >= 0, "contract months must not be negative");
  }

  /**
   * An exit to a situation that has no contract length.
   *
   * @param leftOn the left on
   * @param situation the situation
   * @return an exit to a situation that has no contract length
   */
  public static NewExit of(LocalDate leftOn, ExitSituation situation) {
    return new NewExit(leftOn, situation, 0);
  }
}

package org.tremplin.api.insertion;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;
import org.tremplin.api.exit.ExitSituation;

/**
 * The situation observed six months after an exit. Its category is derived by the exit rules.
 *
 * @param observedOn the day the situation was observed: on or after the follow-up's due day, not in
 *     the future
 * @param situation the situation then
 * @param contractMonths length of the contract held, in months, for a CDD or temporary work; 0 for
 *     any other situation
 */
public record NewFollowUp(LocalDate observedOn, ExitSituation situation, int contractMonths) {
  /**
   * Date and situation required; months not negative.
   *
   * @param observedOn the observed on
   * @param situation the situation
   * @param contractMonths the contract months
   */
  public NewFollowUp {
    TremplinException.required(observedOn, "observation date");
    TremplinException.required(situation, "situation");
    TremplinException.check(contractMonths >= 0, "contract months must not be negative");
  }

  /**
   * A follow-up to a situation that has no contract length.
   *
   * @param observedOn the observed on
   * @param situation the situation
   * @return a follow-up to a situation that has no contract length
   */
  public static NewFollowUp of(LocalDate observedOn, ExitSituation situation) {
    return new NewFollowUp(observedOn, situation, 0);
  }
}

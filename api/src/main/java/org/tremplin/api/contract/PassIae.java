package org.tremplin.api.contract;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.TremplinException;

/**
 * A PASS IAE: issued for a base length from its start, extended by suspensions and prolongations.
 *
 * @param number the PASS number
 * @param start its first day
 * @param suspensions its suspensions
 * @param prolongations its prolongations
 */
public record PassIae(
    String number,
    LocalDate start,
    List<Suspension> suspensions,
    List<PassProlongation> prolongations) {
  /**
   * All fields required.
   *
   * @param number the number
   * @param start the start
   * @param suspensions the suspensions
   * @param prolongations the prolongations
   */
  public PassIae {
    TremplinException.requiredText(number, "PASS number");
    TremplinException.required(start, "start");
    suspensions = List.copyOf(TremplinException.required(suspensions, "suspensions"));
    prolongations = List.copyOf(TremplinException.required(prolongations, "prolongations"));
  }
}

package org.tremplin.api.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.tremplin.api.TremplinException;

/**
 * A share: {@code count} out of {@code outOf}.
 *
 * @param count the numerator
 * @param outOf the denominator; 0 when there is nothing to divide by
 */
public record Rate(int count, int outOf) {
  /**
   * {@code 0 <= count <= outOf}.
   *
   * @param count the numerator
   * @param outOf the denominator
   */
  public Rate {
    TremplinException.check(
        count >= 0 && count <= outOf,
        "a rate needs 0 <= count <= outOf, got " + count + "/" + outOf);
  }

  /**
   * The percentage, one decimal, half up.
   *
   * @return the percentage; empty when {@code outOf} is 0
   */
  public Optional<BigDecimal> percent() {
    if (outOf == 0) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(count * 100L)
            .divide(BigDecimal.valueOf(outOf), 1, RoundingMode.HALF_UP));
  }
}

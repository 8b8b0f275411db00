package org.tremplin.core.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;

class ImmersionLengthRuleTest {
  @Test
  void anImmersionEndsAtTheLatestTheDayBeforeTheSameDayOfTheNextMonth() {
    assertThat(ImmersionLengthRule.latestLastDay(LocalDate.of(2026, 3, 1)))
        .isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(ImmersionLengthRule.latestLastDay(LocalDate.of(2026, 3, 16)))
        .isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(ImmersionLengthRule.latestLastDay(LocalDate.of(2026, 2, 1)))
        .isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(ImmersionLengthRule.latestLastDay(LocalDate.of(2025, 12, 15)))
        .isEqualTo(LocalDate.of(2026, 1, 14));
  }

  @Test
  void aShorterMonthClampsTheLimit() {
    assertThat(ImmersionLengthRule.latestLastDay(LocalDate.of(2026, 1, 31)))
        .isEqualTo(LocalDate.of(2026, 2, 27));
    assertThat(ImmersionLengthRule.latestLastDay(LocalDate.of(2028, 1, 31)))
        .isEqualTo(LocalDate.of(2028, 2, 28));
  }

  @Test
  void acceptsOneDayAndExactlyOneMonth() {
    LocalDate first = LocalDate.of(2026, 3, 2);
    assertThatCode(() -> ImmersionLengthRule.check(first, first)).doesNotThrowAnyException();
    assertThatCode(() -> ImmersionLengthRule.check(first, LocalDate.of(2026, 4, 1)))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesOneDayMoreThanOneMonth() {
    assertThatThrownBy(
            () -> ImmersionLengthRule.check(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 2)))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.IMMERSION_TOO_LONG);
  }
}

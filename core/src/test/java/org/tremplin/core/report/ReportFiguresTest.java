package org.tremplin.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.funder.DeclaredSex;
import org.tremplin.api.funder.DiplomaLevel;
import org.tremplin.api.funder.FunderFacts;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.LearnerHours;
import org.tremplin.api.report.MonthlyHours;
import org.tremplin.api.report.Rate;

/** The report values' arithmetic and the funder facts' validation, without a database. */
class ReportFiguresTest {
  private static CountedLearner someone() {
    return new CountedLearner(CohortId.random(), LearnerId.random(), "A B");
  }

  private static ErrorCode code(Throwable e) {
    return ((TremplinException) e).code();
  }

  @Test
  void ratesAreRoundedHalfUpToOneDecimalAndEmptyWithoutDenominator() {
    assertThat(new Rate(2, 3).percent()).contains(new BigDecimal("66.7"));
    assertThat(new Rate(1, 6).percent()).contains(new BigDecimal("16.7"));
    assertThat(new Rate(1, 8).percent()).contains(new BigDecimal("12.5"));
    assertThat(new Rate(1, 16).percent()).contains(new BigDecimal("6.3"));
    assertThat(new Rate(0, 0).percent()).isEmpty();
    assertThatThrownBy(() -> new Rate(3, 2))
        .extracting(ReportFiguresTest::code)
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void monthlyHoursCountThreeAndAHalfHoursPerAttendedHalfDay() {
    MonthlyHours month =
        new MonthlyHours(
            YearMonth.of(2025, 10),
            List.of(
                new LearnerHours(someone(), 1),
                new LearnerHours(someone(), 1),
                new LearnerHours(someone(), 2)));
    assertThat(month.totalHours()).isEqualByComparingTo("14");
    assertThat(month.hoursPerLearner()).contains(new BigDecimal("4.67"));
    assertThat(new MonthlyHours(YearMonth.of(2025, 8), List.of()).hoursPerLearner()).isEmpty();
  }

  @Test
  void diplomaLevelsFollowTheNationalScale() {
    assertThat(DiplomaLevel.of(3)).isEqualTo(DiplomaLevel.CAP_BEP);
    assertThat(DiplomaLevel.BAC.atOrBelowBac()).isTrue();
    assertThat(DiplomaLevel.BAC_PLUS_2.atOrBelowBac()).isFalse();
    assertThatThrownBy(() -> DiplomaLevel.of(9))
        .extracting(ReportFiguresTest::code)
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void aBirthDateAfterTheDeclarationIsRefused() {
    LocalDate day = LocalDate.of(2025, 9, 1);
    assertThatThrownBy(
            () ->
                new FunderFacts(day, DeclaredSex.MALE, day, DiplomaLevel.NONE, false, false, false))
        .extracting(ReportFiguresTest::code)
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(
            new FunderFacts(
                    day,
                    DeclaredSex.MALE,
                    LocalDate.of(1999, 9, 2),
                    DiplomaLevel.NONE,
                    false,
                    false,
                    false)
                .ageOn(day))
        .isEqualTo(25);
  }
}

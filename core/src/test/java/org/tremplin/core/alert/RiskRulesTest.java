package org.tremplin.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tremplin.api.LearnerId;
import org.tremplin.api.alert.LearnerSituation;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.alert.RiskThresholds;
import org.tremplin.api.calendar.HalfDay;

/**
 * DOMAIN.md, Early warnings: unjustified absences (3 half-days in 10 days), attendance under 80 %
 * over 4 weeks, no coaching meeting for 30 days, 2 missed meetings, no competency progress for 4
 * weeks during training, contract or PASS ending within 45 days without an exit plan, readiness
 * behind the calendar.
 */
class RiskRulesTest {
  private static final RiskThresholds DEFAULTS = RiskRules.defaults();
  private static final LocalDate ON = LocalDate.of(2026, 1, 9);
  private static final LearnerId L = LearnerId.random();

  /** A learner with nothing to worry about on 9 January 2026. */
  private static LearnerSituation calm() {
    return new LearnerSituation(
        L,
        ON,
        List.of(),
        new BigDecimal("0.95"),
        40,
        ON.minusDays(7),
        LocalDate.of(2025, 9, 1),
        0,
        true,
        ON.minusDays(5),
        LocalDate.of(2025, 9, 1),
        LocalDate.of(2026, 8, 31),
        LocalDate.of(2027, 8, 31),
        false,
        new BigDecimal("0.40"),
        new BigDecimal("0.45"));
  }

  private static List<RiskSignal> signals(LearnerSituation s) {
    return RiskRules.evaluate(s, DEFAULTS);
  }

  private static LearnerSituation with(
      LearnerSituation s,
      List<HalfDay> absences,
      BigDecimal rate,
      LocalDate lastMeeting,
      int missed,
      LocalDate lastProgress,
      LocalDate contractEnd,
      boolean exitPlan,
      BigDecimal acquired) {
    return new LearnerSituation(
        s.learner(),
        s.on(),
        absences,
        rate,
        s.plannedHalfDaysInWindow(),
        lastMeeting,
        s.coachedSince(),
        missed,
        s.inTrainingPhase(),
        lastProgress,
        s.trainingStart(),
        contractEnd,
        s.passEnd(),
        exitPlan,
        acquired,
        s.trainingElapsedShare());
  }

  @Test
  void theDefaultThresholdsAreThoseOfTheDomain() {
    assertThat(DEFAULTS.unjustifiedHalfDays()).isEqualTo(3);
    assertThat(DEFAULTS.unjustifiedWindowDays()).isEqualTo(10);
    assertThat(DEFAULTS.minAttendanceRate()).isEqualByComparingTo("0.80");
    assertThat(DEFAULTS.maxDaysWithoutMeeting()).isEqualTo(30);
    assertThat(DEFAULTS.endingWithinDays()).isEqualTo(45);
  }

  @Test
  void aCalmSituationRaisesNothing() {
    assertThat(signals(calm())).isEmpty();
  }

  @Test
  void threeUnjustifiedHalfDaysWithinTenDaysRaiseASignalNamingThem() {
    var c = calm();
    List<HalfDay> three =
        List.of(HalfDay.am(ON.minusDays(9)), HalfDay.pm(ON.minusDays(3)), HalfDay.am(ON));
    List<HalfDay> spread =
        List.of(HalfDay.am(ON.minusDays(10)), HalfDay.pm(ON.minusDays(3)), HalfDay.am(ON));

    assertThat(
            signals(
                with(
                    c,
                    three,
                    c.attendanceRate(),
                    c.lastHeldMeeting(),
                    0,
                    c.lastCompetencyProgress(),
                    c.contractEnd(),
                    false,
                    c.acquiredShare())))
        .containsExactly(new RiskSignal.UnjustifiedAbsences(three, 10));
    assertThat(
            signals(
                with(
                    c,
                    spread,
                    c.attendanceRate(),
                    c.lastHeldMeeting(),
                    0,
                    c.lastCompetencyProgress(),
                    c.contractEnd(),
                    false,
                    c.acquiredShare())))
        .isEmpty();
  }

  @Test
  void attendanceUnderEightyPercentRaisesASignalButEightyDoesNot() {
    var c = calm();
    assertThat(
            signals(
                with(
                    c,
                    List.of(),
                    new BigDecimal("0.7999"),
                    c.lastHeldMeeting(),
                    0,
                    c.lastCompetencyProgress(),
                    c.contractEnd(),
                    false,
                    c.acquiredShare())))
        .singleElement()
        .isInstanceOf(RiskSignal.LowAttendance.class);
    assertThat(
            signals(
                with(
                    c,
                    List.of(),
                    new BigDecimal("0.80"),
                    c.lastHeldMeeting(),
                    0,
                    c.lastCompetencyProgress(),
                    c.contractEnd(),
                    false,
                    c.acquiredShare())))
        .isEmpty();
  }

  @Test
  void moreThanThirtyDaysWithoutAMeetingRaisesASignalFromTheLastOneHeld() {
    var c = calm();
    assertThat(
            signals(
                with(
                    c,
                    List.of(),
                    c.attendanceRate(),
                    ON.minusDays(31),
                    0,
                    c.lastCompetencyProgress(),
                    c.contractEnd(),
                    false,
                    c.acquiredShare())))
        .containsExactly(new RiskSignal.NoCoachingMeeting(ON.minusDays(31), 31));
    assertThat(
            signals(
                with(
                    c,
                    List.of(),
                    c.attendanceRate(),
                    ON.minusDays(30),
                    0,
                    c.lastCompetencyProgress(),
                    c.contractEnd(),
                    false,
                    c.acquiredShare())))
        .isEmpty();
  }

  @Test
  void twoMissedMeetingsRaiseASignal() {
    var c = calm();
    assertThat(
            signals(
                with(
                    c,
                    List.of(),
                    c.attendanceRate(),
                    c.lastHeldMeeting(),
                    2,
                    c.lastCompetencyProgress(),
                    c.contractEnd(),
                    false,
                    c.acquiredShare())))
        .containsExactly(new RiskSignal.MissedMeetings(2));
  }

  @Test
  void noProgressForFourWeeksDuringTrainingRaisesASignal() {
    var c = calm();
    assertThat(
            signals(
                with(
                    c,
                    List.of(),
                    c.attendanceRate(),
                    c.lastHeldMeeting(),
                    0,
                    ON.minusDays(29),
                    c.contractEnd(),
                    false,
                    c.acquiredShare())))
        .containsExactly(new RiskSignal.NoCompetencyProgress(ON.minusDays(29), 29));
  }

  @Test
  void aContractEndingWithinFortyFiveDaysWithoutExitPlanRaisesASignalUnlessAPlanExists() {
    var c = calm();
    LocalDate end = ON.plusDays(45);
    assertThat(
            signals(
                with(
                    c,
                    List.of(),
                    c.attendanceRate(),
                    c.lastHeldMeeting(),
                    0,
                    c.lastCompetencyProgress(),
                    end,
                    false,
                    c.acquiredShare())))
        .containsExactly(new RiskSignal.EndingWithoutExitPlan("CONTRACT", end, 45));
    assertThat(
            signals(
                with(
                    c,
                    List.of(),
                    c.attendanceRate(),
                    c.lastHeldMeeting(),
                    0,
                    c.lastCompetencyProgress(),
                    end,
                    true,
                    c.acquiredShare())))
        .isEmpty();
  }

  @Test
  void readinessFarBehindTheCalendarRaisesASignal() {
    var c = calm();
    assertThat(
            signals(
                with(
                    c,
                    List.of(),
                    c.attendanceRate(),
                    c.lastHeldMeeting(),
                    0,
                    c.lastCompetencyProgress(),
                    c.contractEnd(),
                    false,
                    new BigDecimal("0.10"))))
        .containsExactly(
            new RiskSignal.ReadinessBehind(new BigDecimal("0.10"), new BigDecimal("0.45")));
  }

  @Test
  void theSameOngoingSituationKeepsItsKeyAndANewOneGetsANewKey() {
    assertThat(new RiskSignal.NoCoachingMeeting(ON.minusDays(31), 31).situation())
        .isEqualTo(new RiskSignal.NoCoachingMeeting(ON.minusDays(31), 40).situation())
        .isNotEqualTo(new RiskSignal.NoCoachingMeeting(ON.minusDays(2), 31).situation());
  }
}

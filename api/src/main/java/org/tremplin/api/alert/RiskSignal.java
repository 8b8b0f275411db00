package org.tremplin.api.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.HalfDay;

/**
 * A risk signal with the evidence that raised it. {@link #situation()} identifies the ongoing
 * situation, so the same situation is not alerted twice (a new situation gets a new key).
 */
public sealed interface RiskSignal {
  /**
   * A stable key of the ongoing situation, e.g. {@code NO_MEETING:2025-10-01}.
   *
   * @return a stable key of the ongoing situation, e.g
   */
  String situation();

  /**
   * Too many unjustified absences in a short window.
   *
   * @param halfDays the unjustified half-days in the window
   * @param windowDays the window
   */
  record UnjustifiedAbsences(List<HalfDay> halfDays, int windowDays) implements RiskSignal {
    /**
     * At least one half-day.
     *
     * @param halfDays the half days
     * @param windowDays the window days
     */
    public UnjustifiedAbsences {
      halfDays = List.copyOf(TremplinException.required(halfDays, "halfDays"));
      TremplinException.check(!halfDays.isEmpty(), "no half-day");
    }

    @Override
    public String situation() {
      return "UNJUSTIFIED_ABSENCES:" + halfDays.get(0);
    }
  }

  /**
   * Attendance under the minimum over the window.
   *
   * @param rate the rate
   * @param minimum the threshold
   * @param windowDays the window
   * @param since first day of the window
   */
  record LowAttendance(BigDecimal rate, BigDecimal minimum, int windowDays, LocalDate since)
      implements RiskSignal {
    /**
     * Required.
     *
     * @param rate the rate
     * @param minimum the minimum
     * @param windowDays the window days
     * @param since the since
     */
    public LowAttendance {
      TremplinException.required(rate, "rate");
      TremplinException.required(minimum, "minimum");
      TremplinException.required(since, "since");
    }

    @Override
    public String situation() {
      return "LOW_ATTENDANCE";
    }
  }

  /**
   * No coaching meeting held for too long.
   *
   * @param since the last held meeting, or the start of coaching
   * @param days days since then
   */
  record NoCoachingMeeting(LocalDate since, long days) implements RiskSignal {
    /**
     * Required.
     *
     * @param since the since
     * @param days the days
     */
    public NoCoachingMeeting {
      TremplinException.required(since, "since");
    }

    @Override
    public String situation() {
      return "NO_MEETING:" + since;
    }
  }

  /**
   * Meetings missed since the last one held.
   *
   * @param missed how many
   */
  record MissedMeetings(int missed) implements RiskSignal {
    @Override
    public String situation() {
      return "MISSED_MEETINGS";
    }
  }

  /**
   * No competency progress for too long during training.
   *
   * @param since the last progress, or the start of training
   * @param days days since then
   */
  record NoCompetencyProgress(LocalDate since, long days) implements RiskSignal {
    /**
     * Required.
     *
     * @param since the since
     * @param days the days
     */
    public NoCompetencyProgress {
      TremplinException.required(since, "since");
    }

    @Override
    public String situation() {
      return "NO_PROGRESS:" + since;
    }
  }

  /**
   * The contract or the PASS IAE ends soon and no exit plan exists.
   *
   * @param what {@code CONTRACT} or {@code PASS_IAE}
   * @param end its last day
   * @param daysLeft days left
   */
  record EndingWithoutExitPlan(String what, LocalDate end, long daysLeft) implements RiskSignal {
    /**
     * Required.
     *
     * @param what the what
     * @param end the end
     * @param daysLeft the days left
     */
    public EndingWithoutExitPlan {
      TremplinException.requiredText(what, "what");
      TremplinException.required(end, "end");
    }

    @Override
    public String situation() {
      return "ENDING:" + what + ":" + end;
    }
  }

  /**
   * Competencies acquired lag behind the share of training elapsed.
   *
   * @param acquiredShare share acquired
   * @param expectedShare share of training elapsed
   */
  record ReadinessBehind(BigDecimal acquiredShare, BigDecimal expectedShare) implements RiskSignal {
    /**
     * Required.
     *
     * @param acquiredShare the acquired share
     * @param expectedShare the expected share
     */
    public ReadinessBehind {
      TremplinException.required(acquiredShare, "acquiredShare");
      TremplinException.required(expectedShare, "expectedShare");
    }

    @Override
    public String situation() {
      return "READINESS_BEHIND";
    }
  }
}

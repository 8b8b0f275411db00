package org.tremplin.api.contract;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/** A rule a contract or a PASS IAE breaks, or a limit it approaches. */
public sealed interface ContractFinding {
  /**
   * Whether the finding breaks a rule (as opposed to warning of a limit ahead).
   *
   * @return whether the finding breaks a rule (as opposed to warning of a limit ahead)
   */
  boolean violation();

  /**
   * A period (initial contract or renewal) shorter than the minimum.
   *
   * @param from first day of the period
   * @param to last day of the period
   * @param minimumMonths the minimum
   */
  record PeriodTooShort(LocalDate from, LocalDate to, int minimumMonths)
      implements ContractFinding {
    /**
     * Dates required.
     *
     * @param from the first day
     * @param to the last day
     * @param minimumMonths the minimum months
     */
    public PeriodTooShort {
      TremplinException.required(from, "from");
      TremplinException.required(to, "to");
    }

    @Override
    public boolean violation() {
      return true;
    }
  }

  /**
   * The total length exceeds the cap.
   *
   * @param end the contract's last day
   * @param capEnd the last day the cap allows
   * @param capMonths the cap applied
   */
  record TotalTooLong(LocalDate end, LocalDate capEnd, int capMonths) implements ContractFinding {
    /**
     * Dates required.
     *
     * @param end the end
     * @param capEnd the cap end
     * @param capMonths the cap months
     */
    public TotalTooLong {
      TremplinException.required(end, "end");
      TremplinException.required(capEnd, "capEnd");
    }

    @Override
    public boolean violation() {
      return true;
    }
  }

  /**
   * Weekly hours outside the allowed range.
   *
   * @param hours the hours given
   * @param min the minimum
   * @param max the maximum
   */
  record WeeklyHoursOutOfRange(int hours, int min, int max) implements ContractFinding {
    @Override
    public boolean violation() {
      return true;
    }
  }

  /**
   * A renewal that does not extend the contract.
   *
   * @param newEnd the renewal's end
   * @param previousEnd the end it should extend
   */
  record RenewalDoesNotExtend(LocalDate newEnd, LocalDate previousEnd) implements ContractFinding {
    /**
     * Dates required.
     *
     * @param newEnd the new end
     * @param previousEnd the previous end
     */
    public RenewalDoesNotExtend {
      TremplinException.required(newEnd, "newEnd");
      TremplinException.required(previousEnd, "previousEnd");
    }

    @Override
    public boolean violation() {
      return true;
    }
  }

  /**
   * The contract or PASS ends soon.
   *
   * @param end its last day
   * @param daysLeft days from the evaluation day to the end
   */
  record EndingSoon(LocalDate end, long daysLeft) implements ContractFinding {
    /**
     * End required.
     *
     * @param end the end
     * @param daysLeft the days left
     */
    public EndingSoon {
      TremplinException.required(end, "end");
    }

    @Override
    public boolean violation() {
      return false;
    }
  }

  /**
   * The total length is close to the cap: few renewals remain possible.
   *
   * @param capEnd the last day the cap allows
   * @param daysLeft days from the evaluation day to that day
   */
  record CapApproaching(LocalDate capEnd, long daysLeft) implements ContractFinding {
    /**
     * Date required.
     *
     * @param capEnd the cap end
     * @param daysLeft the days left
     */
    public CapApproaching {
      TremplinException.required(capEnd, "capEnd");
    }

    @Override
    public boolean violation() {
      return false;
    }
  }
}

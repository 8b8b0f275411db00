package org.tremplin.api.roster;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.Learner;

/**
 * One learner of a cohort's roster. Only a date and a count come from the learner's insertion path
 * (contract end, open alerts): never the contract, the signals or their evidence. Immutable.
 */
public final class RosterLine {
  private final Learner learner;
  private final Enrolment enrolment;
  private final AttendanceRates recentAttendance;
  private final @Nullable LocalDate contractEnd;
  private final int openAlerts;

  /**
   * A line of the roster.
   *
   * @param learner the learner
   * @param enrolment their enrolment in the cohort, with its history
   * @param recentAttendance their attendance over the four weeks before the roster's day
   * @param contractEnd the current last day of their insertion contract, empty when none is stored
   * @param openAlerts how many of their alerts in the cohort are not resolved
   */
  public RosterLine(
      Learner learner,
      Enrolment enrolment,
      AttendanceRates recentAttendance,
      Optional<LocalDate> contractEnd,
      int openAlerts) {
    this.learner = TremplinException.required(learner, "learner");
    this.enrolment = TremplinException.required(enrolment, "enrolment");
    this.recentAttendance = TremplinException.required(recentAttendance, "recentAttendance");
    this.contractEnd = TremplinException.required(contractEnd, "contractEnd").orElse(null);
    TremplinException.check(openAlerts >= 0, "open alerts must not be negative");
    this.openAlerts = openAlerts;
  }

  /** The learner. */
  public Learner learner() {
    return learner;
  }

  /** Their enrolment in the cohort. */
  public Enrolment enrolment() {
    return enrolment;
  }

  /** Their attendance over the four weeks before the roster's day. */
  public AttendanceRates recentAttendance() {
    return recentAttendance;
  }

  /** The current last day of their insertion contract; empty when none is stored. */
  public Optional<LocalDate> contractEnd() {
    return Optional.ofNullable(contractEnd);
  }

  /** How many of their alerts in the cohort are not resolved. */
  public int openAlerts() {
    return openAlerts;
  }

  @Override
  public String toString() {
    return "RosterLine[learner=" + learner.id() + ", openAlerts=" + openAlerts + "]";
  }
}

package org.tremplin.core.caseload;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.TremplinException;
import org.tremplin.api.alert.Alert;
import org.tremplin.api.insertion.AssessedContract;
import org.tremplin.api.insertion.AssessedPass;

/**
 * What a coach's caseload shows of one learner ({@link CaseloadDesk#overview}): the member, their
 * open alerts in the member's cohort, the day of the last meeting held and the time of the next one
 * planned there (no note of any meeting), their insertion contract and PASS IAE assessed on the day
 * asked. Immutable.
 */
public final class CaseSummary {
  private final CaseMember member;
  private final List<Alert> openAlerts;
  private final @Nullable LocalDate lastHeld;
  private final @Nullable LocalDateTime nextPlanned;
  private final @Nullable AssessedContract contract;
  private final @Nullable AssessedPass pass;

  CaseSummary(
      CaseMember member,
      List<Alert> openAlerts,
      @Nullable LocalDate lastHeld,
      @Nullable LocalDateTime nextPlanned,
      @Nullable AssessedContract contract,
      @Nullable AssessedPass pass) {
    this.member = TremplinException.required(member, "member");
    this.openAlerts = List.copyOf(openAlerts);
    this.lastHeld = lastHeld;
    this.nextPlanned = nextPlanned;
    this.contract = contract;
    this.pass = pass;
  }

  /**
   * The learner, their cohort and referent.
   *
   * @return the member
   */
  public CaseMember member() {
    return member;
  }

  /**
   * The learner's unresolved alerts in the member's cohort, by raised day then situation.
   *
   * @return the open alerts; empty when none
   */
  public List<Alert> openAlerts() {
    return openAlerts;
  }

  /**
   * The planned day of the latest meeting held in the member's cohort.
   *
   * @return that day; empty when none was held
   */
  public Optional<LocalDate> lastHeld() {
    return Optional.ofNullable(lastHeld);
  }

  /**
   * The soonest planned time of a meeting still planned (no outcome) in the member's cohort, past
   * or future.
   *
   * @return that time; empty when none is planned
   */
  public Optional<LocalDateTime> nextPlanned() {
    return Optional.ofNullable(nextPlanned);
  }

  /**
   * The learner's insertion contract, assessed on the overview's day.
   *
   * @return the contract; empty when none is recorded
   */
  public Optional<AssessedContract> contract() {
    return Optional.ofNullable(contract);
  }

  /**
   * The learner's PASS IAE, assessed on the overview's day.
   *
   * @return the PASS; empty when none is recorded
   */
  public Optional<AssessedPass> pass() {
    return Optional.ofNullable(pass);
  }
}

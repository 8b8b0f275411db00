package org.tremplin.core.contract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.tremplin.api.TremplinException;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.ContractAssessment;
import org.tremplin.api.contract.ContractFinding;
import org.tremplin.api.contract.ContractRules;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.PassStatus;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.core.internal.Json;

/**
 * Contract and PASS IAE rules read from {@code contract-rules.json}:
 *
 * <ul>
 *   <li>every period (initial contract, each renewal) lasts at least the minimum (4 months);
 *   <li>the whole contract ends no later than the cap after its start (24 months; 60 in an ACI when
 *       a reason is recorded);
 *   <li>weekly hours between 20 and 35, for the contract and every renewal;
 *   <li>the PASS IAE lasts 730 days from its start, plus the days of its suspensions and
 *       prolongations; a new one may start after the waiting period (2 years) following its end;
 *   <li>warnings {@code warnDays} (45) before an end or a cap.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class ReferenceContractRules implements ContractRules {
  private final Doc rules;

  /** Loads the bundled rules. */
  public ReferenceContractRules() {
    this.rules = Json.resource(ReferenceContractRules.class, "contract-rules.json", Doc.class);
  }

  @Override
  public ContractAssessment assess(InsertionContract c, LocalDate on) {
    TremplinException.required(c, "contract");
    TremplinException.required(on, "day");
    ContractDoc r = rules.contract();
    List<ContractFinding> findings = new ArrayList<>();
    checkHours(c.weeklyHours(), findings);
    checkPeriod(c.start(), c.initialEnd(), findings);
    LocalDate previousEnd = c.initialEnd();
    for (ContractAmendment renewal : c.renewals()) {
      checkHours(renewal.weeklyHours(), findings);
      if (!renewal.newEnd().isAfter(previousEnd)) {
        findings.add(new ContractFinding.RenewalDoesNotExtend(renewal.newEnd(), previousEnd));
      } else {
        checkPeriod(previousEnd.plusDays(1), renewal.newEnd(), findings);
      }
      previousEnd = renewal.newEnd();
    }
    boolean extended =
        r.extendedCapStructures().contains(c.structure()) && !c.extensionReason().isBlank();
    int capMonths = extended ? r.extendedCapMonths() : r.capMonths();
    long suspended =
        r.suspensionsExtendCap() ? c.suspensions().stream().mapToLong(Suspension::days).sum() : 0;
    LocalDate capEnd = c.start().plusMonths(capMonths).minusDays(1).plusDays(suspended);
    LocalDate end = c.end();
    if (end.isAfter(capEnd)) {
      findings.add(new ContractFinding.TotalTooLong(end, capEnd, capMonths));
    }
    warnAhead(end, on, findings);
    long toCap = ChronoUnit.DAYS.between(on, capEnd);
    if (!on.isAfter(end) && toCap >= 0 && toCap <= rules.warnDays()) {
      findings.add(new ContractFinding.CapApproaching(capEnd, toCap));
    }
    return new ContractAssessment(end, capEnd, capMonths, findings);
  }

  @Override
  public PassStatus status(PassIae pass, LocalDate on) {
    TremplinException.required(pass, "PASS IAE");
    TremplinException.required(on, "day");
    long extra =
        pass.suspensions().stream().mapToLong(Suspension::days).sum()
            + pass.prolongations().stream().mapToLong(PassProlongation::days).sum();
    LocalDate end = pass.start().plusDays(rules.pass().durationDays() - 1L + extra);
    boolean running = !on.isBefore(pass.start()) && !on.isAfter(end);
    List<ContractFinding> findings = new ArrayList<>();
    warnAhead(end, on, findings);
    return new PassStatus(
        end, running, end.plusYears(rules.pass().waitingPeriodYears()).plusDays(1), findings);
  }

  private void warnAhead(LocalDate end, LocalDate on, List<ContractFinding> findings) {
    long left = ChronoUnit.DAYS.between(on, end);
    if (left >= 0 && left <= rules.warnDays()) {
      findings.add(new ContractFinding.EndingSoon(end, left));
    }
  }

  private void checkHours(int hours, List<ContractFinding> findings) {
    ContractDoc r = rules.contract();
    if (hours < r.weeklyHoursMin() || hours > r.weeklyHoursMax()) {
      findings.add(
          new ContractFinding.WeeklyHoursOutOfRange(hours, r.weeklyHoursMin(), r.weeklyHoursMax()));
    }
  }

  private void checkPeriod(LocalDate from, LocalDate to, List<ContractFinding> findings) {
    int min = rules.contract().minimumPeriodMonths();
    if (to.isBefore(from.plusMonths(min).minusDays(1))) {
      findings.add(new ContractFinding.PeriodTooShort(from, to, min));
    }
  }

  record ContractDoc(
      int minimumPeriodMonths,
      int capMonths,
      int extendedCapMonths,
      List<StructureKind> extendedCapStructures,
      int weeklyHoursMin,
      int weeklyHoursMax,
      boolean suspensionsExtendCap) {}

  record PassDoc(int durationDays, int waitingPeriodYears) {}

  record Doc(
      String description, String version, ContractDoc contract, PassDoc pass, int warnDays) {}
}

package org.tremplin.core.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.roster.RosterLine;
import org.tremplin.api.roster.RosterService;
import org.tremplin.core.alert.Alerts;
import org.tremplin.core.attendance.AttendanceSheets;
import org.tremplin.core.attendance.RateRule;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.insertion.Contracts;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;

/**
 * The roster of a cohort in one read transaction: learners and enrolments, the attendance of the
 * last four weeks by the same rule as {@code AttendanceService}, the contract's current end and the
 * count of unresolved alerts of the cohort. Checks {@code ATTENDANCE_READ} on the cohort.
 * Thread-safe.
 */
public final class CohortRoster implements RosterService {
  private final Database database;
  private final CohortRegistry cohorts;
  private final LearnerRegistry learners;
  private final AttendanceSheets sheets;
  private final Contracts contracts;
  private final Alerts alerts;
  private final AccessRules access;

  /** A roster over these stores and services. */
  public CohortRoster(
      Database database,
      CohortRegistry cohorts,
      LearnerRegistry learners,
      AttendanceSheets sheets,
      Contracts contracts,
      Alerts alerts,
      AccessRules access) {
    this.database = database;
    this.cohorts = cohorts;
    this.learners = learners;
    this.sheets = sheets;
    this.contracts = contracts;
    this.alerts = alerts;
    this.access = access;
  }

  @Override
  public List<RosterLine> roster(Actor actor, CohortId cohortId, LocalDate on) {
    TremplinException.required(actor, "actor");
    TremplinException.required(on, "on");
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, Operation.ATTENDANCE_READ, CohortRegistry.target(cohort));
    CohortCalendar calendar = cohorts.calendarOf(cohortId);
    DateRange recent = new DateRange(on.minusWeeks(RECENT_WEEKS), on.minusDays(1));
    return database.read(
        h -> {
          Map<LearnerId, Learner> byId = new HashMap<>();
          learners.learners(actor, cohortId).forEach(l -> byId.put(l.id(), l));
          Map<LearnerId, List<AttendanceRecord>> marks = new HashMap<>();
          for (AttendanceRecord r : sheets.current(cohortId, recent)) {
            marks.computeIfAbsent(r.learner(), k -> new ArrayList<>()).add(r);
          }
          List<RosterLine> lines = new ArrayList<>();
          for (Enrolment e : learners.enrolmentsOf(cohortId)) {
            Learner learner = byId.get(e.learner());
            if (learner == null) {
              continue;
            }
            lines.add(
                new RosterLine(
                    learner,
                    e,
                    RateRule.rates(
                        calendar,
                        recent,
                        e.periods(cohort.range().last()),
                        marks.getOrDefault(e.learner(), List.of())),
                    contracts.find(e.learner()).map(InsertionContract::end),
                    (int)
                        alerts.unresolved(e.learner()).stream()
                            .filter(a -> a.cohort().equals(cohortId))
                            .count()));
          }
          lines.sort(
              Comparator.comparing((RosterLine l) -> l.learner().familyName())
                  .thenComparing(l -> l.learner().givenName()));
          return List.copyOf(lines);
        });
  }
}

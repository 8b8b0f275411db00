package org.tremplin.core.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.dashboard.CohortFigures;
import org.tremplin.api.dashboard.DashboardService;
import org.tremplin.api.dashboard.ExitTargets;
import org.tremplin.api.dashboard.SchoolDashboard;
import org.tremplin.api.school.SchoolService;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.internal.Database;
import org.tremplin.core.internal.Json;
import org.tremplin.core.report.ReportDesk;

/**
 * {@link DashboardService} on read-side queries: checks {@code REPORT_READ} on the cohort or the
 * school, then reads each cohort's figures on one handle ({@link CohortFiguresQuery}); the school's
 * exits are the yearly review of {@link ReportDesk} (the same rules, the same figures; its monthly
 * hours, which the dashboard does not show, are not read). "Today" is the clock's day. Thread-safe.
 */
public final class DashboardDesk implements DashboardService {
  private final Database database;
  private final SchoolService schools;
  private final CohortRegistry cohorts;
  private final ReportDesk reports;
  private final CohortFiguresQuery query;
  private final AccessRules access;
  private final Clock clock;
  private final ExitTargets targets;

  /**
   * A desk over the engine's stores and rules.
   *
   * @param database the database
   * @param schools the schools
   * @param cohorts the cohorts (unchecked reads after this desk's own check)
   * @param reports the yearly review (its exits)
   * @param query the figures of one cohort
   * @param access the permission matrix
   * @param clock the clock read for "today"
   */
  public DashboardDesk(
      Database database,
      SchoolService schools,
      CohortRegistry cohorts,
      ReportDesk reports,
      CohortFiguresQuery query,
      AccessRules access,
      Clock clock) {
    this.database = database;
    this.schools = schools;
    this.cohorts = cohorts;
    this.reports = reports;
    this.query = query;
    this.access = access;
    this.clock = clock;
    this.targets = targets();
  }

  /**
   * The funders' targets of the reference data.
   *
   * @return the targets
   */
  public static ExitTargets targets() {
    Targets t = Json.resource(DashboardDesk.class, "exit-targets.json", Targets.class);
    return new ExitTargets(t.version(), t.dynamicPercent(), t.durablePercent());
  }

  @Override
  public CohortFigures figures(Actor actor, CohortId cohortId) {
    TremplinException.required(actor, "actor");
    TremplinException.required(cohortId, "cohort");
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, Operation.REPORT_READ, CohortRegistry.target(cohort));
    LocalDate today = LocalDate.now(clock);
    return database.read(h -> query.run(h, cohort, today));
  }

  @Override
  public SchoolDashboard school(Actor actor, SchoolId school) {
    TremplinException.required(actor, "actor");
    TremplinException.required(school, "school");
    access.check(actor, Operation.REPORT_READ, new Target.OfSchool(school));
    schools.get(school);
    LocalDate today = LocalDate.now(clock);
    LocalDate yearStart = today.withDayOfYear(1);
    List<Cohort> current =
        cohorts.bySchool(actor, school).stream()
            .filter(c -> !c.range().last().isBefore(yearStart))
            .sorted(
                Comparator.comparing((Cohort c) -> c.range().first())
                    .reversed()
                    .thenComparing(Cohort::name))
            .toList();
    List<CohortFigures> figures =
        database.read(h -> current.stream().map(c -> query.run(h, c, today)).toList());
    return new SchoolDashboard(
        school, today, figures, reports.exitsReview(actor, school, today.getYear()), targets);
  }

  record Targets(
      String description, String version, BigDecimal dynamicPercent, BigDecimal durablePercent) {}
}
